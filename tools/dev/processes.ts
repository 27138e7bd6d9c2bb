import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { styleText } from "node:util";

export type Color = "cyan" | "magenta" | "green" | "yellow" | "blue" | "red";

export interface ProcessSpec {
  name: string;
  color: Color;
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export interface ExitInfo {
  name: string;
  code: number | null;
  signal: NodeJS.Signals | null;
}

interface Running {
  spec: ProcessSpec;
  child: ChildProcess;
  exited: Promise<ExitInfo>;
}

/** Width of the name column, so every line's text starts in the same place. */
const NAME_WIDTH = 5;

export function prefixed(name: string, color: Color, line: string): string {
  return `${styleText(color, `${name.padEnd(NAME_WIDTH)} │`)} ${line}`;
}

/**
 * Starts long-running commands, each in its own process group, and prints their output
 * line by line behind a coloured name. Own groups matter twice: the terminal's Ctrl-C
 * reaches only us, so we choose the order things stop in (apps before the database), and
 * signalling a group also reaches what the command spawned (tsx watch → node, wrangler →
 * workerd, pnpm → sh → vite), which signalling the command alone would orphan.
 */
export class Supervisor {
  private readonly running: Running[] = [];
  private stopping = false;

  constructor(private readonly onUnexpectedExit: (exit: ExitInfo) => void) {
    // Last resort if we die without stopping them (an uncaught error): no orphans.
    process.once("exit", () => {
      if (this.running.length > 0) this.killAll();
    });
  }

  start(spec: ProcessSpec): void {
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: spec.env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    for (const stream of [child.stdout, child.stderr]) {
      if (!stream) continue;
      createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY }).on("line", (line) =>
        process.stdout.write(`${prefixed(spec.name, spec.color, line)}\n`),
      );
    }
    const exited = new Promise<ExitInfo>((resolve) => {
      child.once("error", (error) => {
        process.stdout.write(
          `${prefixed(spec.name, spec.color, `failed to start: ${error.message}`)}\n`,
        );
        resolve({ name: spec.name, code: null, signal: null });
      });
      child.once("exit", (code, signal) => resolve({ name: spec.name, code, signal }));
    });
    void exited.then((exit) => {
      if (!this.stopping) this.onUnexpectedExit(exit);
    });
    this.running.push({ spec, child, exited });
  }

  /**
   * SIGTERM to each command, then SIGKILL to every process group they had spawned that is
   * still alive after `graceMs`. Resolves when none of those processes is left.
   */
  async stopAll(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    // pnpm runs each script in a process group of its own and relays signals to it; the
    // groups are noted now, while the tree is intact, for the SIGKILL fallback.
    const groups = processGroupsUnder(this.running.flatMap(({ child }) => child.pid ?? []));
    // Only the command's own group: pnpm relays once. Signalling the script's group as well
    // would deliver it twice, and a second SIGTERM means "force" to the API and tsx watch.
    for (const { child } of this.running) signalGroup(child.pid, "SIGTERM");
    const deadline = Date.now() + graceMs;
    let killed = false;
    while (groups.some(groupAlive)) {
      if (!killed && Date.now() >= deadline) {
        const names = this.running
          .filter(({ child }) => groupAlive(child.pid))
          .map((r) => r.spec.name);
        process.stdout.write(
          `${prefixed("dev", "red", `forcing ${names.join(", ") || "leftovers"} to stop`)}\n`,
        );
        for (const group of groups) signalGroup(group, "SIGKILL");
        killed = true;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await Promise.all(this.running.map((r) => r.exited));
  }

  /** For a second Ctrl-C: nothing waits. */
  killAll(): void {
    this.stopping = true;
    const groups = processGroupsUnder(this.running.flatMap(({ child }) => child.pid ?? []));
    for (const group of groups) signalGroup(group, "SIGKILL");
  }
}

/**
 * The process groups of `roots` and of all their descendants, from one `ps` snapshot
 * (works on Linux and macOS). Never includes our own group.
 */
export function processGroupsUnder(roots: readonly number[]): number[] {
  let table: string;
  try {
    table = execFileSync("ps", ["-A", "-o", "pid=,ppid=,pgid="], { encoding: "utf8" });
  } catch {
    return [...roots]; // no ps: the commands' own groups are all we know
  }
  const children = new Map<number, Array<{ pid: number; pgid: number }>>();
  let ownGroup: number | undefined;
  for (const line of table.split("\n")) {
    const [pid, ppid, pgid] = line.trim().split(/\s+/).map(Number);
    if (pid === undefined || ppid === undefined || pgid === undefined || Number.isNaN(pgid))
      continue;
    if (pid === process.pid) ownGroup = pgid;
    children.set(ppid, [...(children.get(ppid) ?? []), { pid, pgid }]);
  }
  const groups = new Set<number>(roots);
  const queue = [...roots];
  for (let pid = queue.pop(); pid !== undefined; pid = queue.pop()) {
    for (const child of children.get(pid) ?? []) {
      groups.add(child.pgid);
      queue.push(child.pid);
    }
  }
  if (ownGroup !== undefined) groups.delete(ownGroup);
  return [...groups];
}

function signalGroup(pgid: number | undefined, signal: NodeJS.Signals): void {
  if (pgid === undefined) return;
  try {
    // Negative pid: the whole process group (each command was spawned detached, as a leader).
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

function groupAlive(pgid: number | undefined): boolean {
  if (pgid === undefined) return false;
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}
