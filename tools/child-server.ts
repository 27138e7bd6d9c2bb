import { type ChildProcess, spawn } from "node:child_process";

/**
 * A Node process a test or bench started (the API, a job runner, a limit server), with its
 * recent output kept for the message when something goes wrong. One place for what the API's
 * process tests, the browser journeys' stack and the progress bench each spawned by hand.
 */
export interface NodeChild {
  child: ChildProcess;
  /** The last `keepChars` of stdout and stderr, interleaved as they came. */
  output(): string;
  /** Resolves with the exit code (null when a signal ended it). */
  exited: Promise<number | null>;
  /** SIGTERM, as a process manager stops it; SIGKILL after `graceMs`. Resolves once it exited. */
  stop(graceMs?: number): Promise<void>;
  /** `kill -9`: no shutdown hook, no flush, no goodbye. Resolves once it exited. */
  kill(): Promise<void>;
}

/**
 * `node <args>` in `cwd` with exactly `env` (nothing of the caller's environment leaks in
 * unless passed: a developer's DATABASE_URL must not reach a test's API).
 */
export function startNodeChild(o: {
  cwd: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  keepChars?: number;
  /**
   * In a process group of its own, signalled as a group: what it started (FFmpeg, gVisor
   * sandboxes) stops with it, as under a process manager.
   */
  group?: boolean;
}): NodeChild {
  const keep = o.keepChars ?? 20_000;
  const child = spawn(process.execPath, o.args, {
    cwd: o.cwd,
    env: o.env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: o.group ?? false,
  });
  let output = "";
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-keep);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const running = () => child.exitCode === null && child.signalCode === null;
  const signal = (name: NodeJS.Signals) => {
    if (!running() || child.pid === undefined) return;
    try {
      if (o.group) process.kill(-child.pid, name);
      else child.kill(name);
    } catch {
      // ESRCH: it is already gone.
    }
  };
  return {
    child,
    output: () => output,
    exited,
    async stop(graceMs = 10_000) {
      if (!running()) return;
      signal("SIGTERM");
      const timer = setTimeout(() => signal("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    },
    async kill() {
      signal("SIGKILL");
      await exited;
    },
  };
}

/**
 * Waits until the child prints a line matching `pattern` (a process without a port, such as
 * the job runner, says when it is up).
 */
export function waitForOutput(
  pattern: RegExp,
  proc: NodeChild,
  deadline: number,
  what = "process",
): Promise<void> {
  return waitUntilUp(proc, deadline, what, async () => pattern.test(proc.output()), 50);
}

/** Polls `url` every 100 ms until it answers 2xx. */
export function waitUntilServing(
  url: string,
  proc: NodeChild,
  deadline: number,
  what = "server",
): Promise<void> {
  const serving = () =>
    fetch(url).then(
      (r) => r.ok,
      () => false,
    );
  return waitUntilUp(proc, deadline, what, serving, 100, ` at ${url}`);
}

/**
 * Polls `isUp` until it holds (a start-up line, a URL, a row the process writes when ready).
 * Fails, with the process's output, when the process exits first or `deadline` (epoch ms)
 * passes; a process still starting then is killed, so no failed start leaves it behind.
 */
export async function waitUntilUp(
  proc: NodeChild,
  deadline: number,
  what: string,
  isUp: () => Promise<boolean>,
  pollMs: number,
  where = "",
): Promise<void> {
  for (;;) {
    if (await isUp()) return;
    if (proc.child.exitCode !== null || proc.child.signalCode !== null) {
      throw new Error(`${what} exited with ${proc.child.exitCode} at start-up:\n${proc.output()}`);
    }
    if (Date.now() > deadline) {
      await proc.kill();
      throw new Error(`${what} not ready${where} by its deadline:\n${proc.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
