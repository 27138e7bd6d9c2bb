import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { constants, tmpdir } from "node:os";
import { join } from "node:path";
import { writeBundle } from "./bundle";
import { alive, RunCgroup, runCgroupName } from "./cgroup";
import { SandboxFailedError } from "./errors";
import { type SandboxHost, type SandboxOptions, sandboxHost } from "./host";
import { CappedOutput } from "./output";
import {
  type ParsedRunRequest,
  type RunRequest,
  type RunResult,
  runRequestSchema,
} from "./request";

/** Sandbox start-up allowed on top of the time limit (start-up measures ~0.2 s idle). */
export const START_GRACE_MS = 1_000;
/** What gVisor's kernel and gofer use besides the program, added to the memory limit. */
export const SANDBOX_OVERHEAD_MB = 64;

/**
 * Joins the run's cgroups, then becomes runsc, so every process of the run starts inside
 * them. runsc gets a parent-death signal, and its sandbox and gofer (started attached) die
 * with it: a grader that crashes mid-run leaves no program running.
 */
const JOIN_CGROUPS =
  'while [ "$1" != -- ]; do echo $$ > "$1" || exit 125; shift; done; shift; ' +
  'exec /usr/bin/setpriv --pdeathsig KILL "$@"';

/** A run's private directory: `lumen-sandbox-<grader pid>-<random>` in the temp directory. */
const DIR_PREFIX = "lumen-sandbox-";

/** Removes the run directories of graders that died mid-run (their sandboxes died too). */
async function sweepStaleDirs(): Promise<void> {
  for (const name of await readdir(tmpdir()).catch(() => [])) {
    const owner = /^lumen-sandbox-(\d+)-/.exec(name)?.[1];
    if (owner && Number(owner) !== process.pid && !alive(Number(owner))) {
      await rm(join(tmpdir(), name), { recursive: true, force: true });
    }
  }
}

/**
 * Runs untrusted code in a fresh gVisor sandbox and reports how it ended. Throws
 * SandboxUnavailableError when no sandbox can start here (the code is never run another way)
 * and SandboxFailedError when runsc itself failed.
 */
export async function runInSandbox(
  request: RunRequest,
  options: SandboxOptions = {},
): Promise<RunResult> {
  const parsed = runRequestSchema.parse(request);
  return withSandboxRun(
    options,
    parsed.limits.memoryMb,
    (dir) => writeBundle(dir, parsed),
    (run) => execute({ ...run, request: parsed }),
  );
}

async function execute(run: SandboxRun & { request: ParsedRunRequest }): Promise<RunResult> {
  const { limits } = run.request;
  const started = performance.now();
  const child = spawnSandbox(run);
  const stdout = new CappedOutput(limits.outputBytes);
  const stderr = new CappedOutput(limits.outputBytes);
  let killedFor: "time" | "output" | null = null;
  const kill = (reason: "time" | "output") => {
    killedFor ??= reason;
    void run.cgroup.killAll().catch(() => undefined);
  };
  child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk) || kill("output"));
  child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk) || kill("output"));
  child.stdin.on("error", () => undefined); // the program need not read its input
  child.stdin.end(run.request.stdin);
  const timer = setTimeout(() => kill("time"), limits.timeMs + START_GRACE_MS);
  const [code, hostSignal] = await new Promise<[number | null, NodeJS.Signals | null]>(
    (resolve, reject) => {
      child.on("error", reject);
      child.on("close", (exitCode, signal) => resolve([exitCode, signal]));
    },
  ).finally(() => clearTimeout(timer));
  const timeMs = Math.round(performance.now() - started);
  // Whatever is left of the run (a gofer, a sandbox) goes before the verdict.
  await run.cgroup.killAll();
  const oom = await run.cgroup.oomKilled();
  const memoryKb = await run.cgroup.peakKb();

  if (code === 125 || (code === 128 && !killedFor && !oom)) await assertRunscRan(run.dir, code);
  // runsc exits 128+n when the program died of signal n; a signal on runsc itself is ours
  // (a limit) or the kernel's OOM killer on the run's cgroup.
  const guestSignal = code !== null && code > 128 && code < 128 + 65 ? code - 128 : null;
  const signal = hostSignal ?? (guestSignal === null ? null : signalName(guestSignal));
  const exitCode = signal === null ? code : null;
  const status =
    killedFor === "time"
      ? "time_limit"
      : killedFor === "output"
        ? "output_limit"
        : oom
          ? "memory_limit"
          : exitCode === 0
            ? "ok"
            : "runtime_error";
  return {
    status,
    exitCode,
    signal,
    stdout: stdout.text(),
    stderr: stderr.text(),
    timeMs,
    ...(memoryKb === undefined ? {} : { memoryKb }),
  };
}

/** What a sandbox's launch needs: where it lives, its cgroups and runsc's name for it. */
export interface SandboxRun {
  host: SandboxHost;
  cgroup: RunCgroup;
  dir: string;
  bundle: string;
  id: string;
}

/**
 * Starts runsc on a bundle inside the run's cgroups (joined before runsc execs, so every
 * process of the run is accounted and killable), without network, with an in-memory overlay.
 */
export function spawnSandbox(run: SandboxRun) {
  const runsc = [
    run.host.runsc,
    `--root=${join(run.dir, "state")}`,
    `--log=${join(run.dir, "runsc.log")}`,
    "--network=none",
    // Root and bind mounts behind an in-memory overlay: writes to the work directory stay in
    // the sandbox (and count against its memory cgroup); the host files never change.
    "--overlay2=all:memory",
    // The run's cgroups are made by us (below our own), not by runsc at the hierarchy root.
    "--ignore-cgroups",
    "run",
    `--bundle=${run.bundle}`,
    run.id,
  ];
  return spawn("/bin/sh", ["-c", JOIN_CGROUPS, "sh", ...run.cgroup.procsFiles, "--", ...runsc], {
    env: { PATH: "/usr/bin:/bin" },
    stdio: ["pipe", "pipe", "pipe"],
  });
}

/**
 * runsc's own failures are judged from its log, which the program cannot write to: a program
 * that exits 128 printing runsc's words is still the program's runtime error.
 */
export async function assertRunscRan(dir: string, code: number | null): Promise<void> {
  const log = await readFile(join(dir, "runsc.log"), "utf8").catch(() => "");
  const failure = /"msg":"(running container[^"]*)","level":"error"/.exec(log);
  if (code === 125 || failure) {
    throw new SandboxFailedError(
      `runsc failed (exit ${code}): ${failure?.[1] ?? "joining cgroups"}`,
    );
  }
}

/**
 * A fresh run directory and cgroup for one sandbox, removed (with anything left running) when
 * `body` ends, whatever way it ends.
 */
export async function withSandboxRun<T>(
  options: SandboxOptions,
  memoryMb: number,
  prepare: (dir: string) => Promise<string>,
  body: (run: SandboxRun) => Promise<T>,
): Promise<T> {
  const host = await sandboxHost(options);
  await sweepStaleDirs();
  const dir = await mkdtemp(join(tmpdir(), `${DIR_PREFIX}${process.pid}-`));
  const id = runCgroupName(randomUUID());
  try {
    const bundle = await prepare(dir);
    const memoryBytes = (memoryMb + SANDBOX_OVERHEAD_MB) * 1024 * 1024;
    const cgroup = await RunCgroup.create(host.cgroups, id, memoryBytes);
    try {
      return await body({ host, cgroup, dir, bundle, id });
    } finally {
      await cgroup.remove();
      await forget(host, dir, id);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function signalName(signal: number): string {
  const entry = Object.entries(constants.signals).find(([, n]) => n === signal);
  return entry?.[0] ?? `SIG${signal}`;
}

/** Drops runsc's record of the run (its state directory goes with `dir`). */
async function forget(host: SandboxHost, dir: string, id: string) {
  await new Promise<void>((resolve) => {
    const child = spawn(host.runsc, [`--root=${join(dir, "state")}`, "delete", "--force", id], {
      env: { PATH: "/usr/bin:/bin" },
      stdio: "ignore",
    });
    child.on("error", () => resolve());
    child.on("close", () => resolve());
  });
}
