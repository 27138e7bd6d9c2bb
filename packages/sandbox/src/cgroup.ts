import { access, constants, mkdir, readdir, readFile, rmdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

const ROOT = "/sys/fs/cgroup";

/** This process's cgroup (v1) for one controller, as a directory, or null. */
function ownCgroup(procSelfCgroup: string, controller: string): string | null {
  for (const line of procSelfCgroup.split("\n")) {
    const [, controllers, path] = line.split(":");
    if (controllers?.split(",").includes(controller) && path !== undefined) {
      return join(ROOT, controllers, path);
    }
  }
  return null;
}

export interface CgroupParents {
  memory: string;
  cpu: string;
}

/**
 * Where this process may create a run's cgroups: below its own memory and cpu cgroups (so a
 * sandbox never leaves the accounting it was started under). cgroup v1 only, writable only as
 * root; null with the reason otherwise.
 */
export async function cgroupParents(): Promise<CgroupParents | { reason: string }> {
  const self = await readFile("/proc/self/cgroup", "utf8").catch(() => "");
  const memory = ownCgroup(self, "memory");
  const cpu = ownCgroup(self, "cpu");
  if (!memory || !cpu) {
    return { reason: "no cgroup v1 memory and cpu controllers (cgroup v2 is not supported yet)" };
  }
  for (const dir of [memory, cpu]) {
    try {
      await access(dir, constants.W_OK);
    } catch {
      return { reason: `cannot create cgroups under ${dir} (grading needs root)` };
    }
  }
  return { memory, cpu };
}

/** One run's cgroups: a memory limit and one CPU's worth of time for every process of it. */
export class RunCgroup {
  private constructor(
    private readonly memory: string,
    private readonly cpu: string,
  ) {}

  static async create(parents: CgroupParents, name: string, memoryBytes: number) {
    await sweepStale(parents);
    const cgroup = new RunCgroup(join(parents.memory, name), join(parents.cpu, name));
    await mkdir(cgroup.memory);
    await mkdir(cgroup.cpu);
    await writeFile(join(cgroup.memory, "memory.limit_in_bytes"), String(memoryBytes));
    await writeFile(join(cgroup.cpu, "cpu.cfs_period_us"), "100000");
    await writeFile(join(cgroup.cpu, "cpu.cfs_quota_us"), "100000");
    return cgroup;
  }

  /** The files a process writes its pid to, to join both cgroups. */
  get procsFiles(): string[] {
    return [join(this.memory, "cgroup.procs"), join(this.cpu, "cgroup.procs")];
  }

  async pids(): Promise<number[]> {
    const text = await readFile(join(this.memory, "cgroup.procs"), "utf8").catch(() => "");
    return text.split("\n").filter(Boolean).map(Number);
  }

  /** SIGKILL every process of the run (runsc, its gofer and sandbox) until none is left. */
  async killAll(): Promise<void> {
    for (let attempt = 0; attempt < 100; attempt++) {
      const pids = await this.pids();
      if (pids.length === 0) return;
      for (const pid of pids) {
        try {
          process.kill(pid, "SIGKILL");
        } catch {
          // already gone
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`processes left in ${this.memory}`);
  }

  async oomKilled(): Promise<boolean> {
    const text = await readFile(join(this.memory, "memory.oom_control"), "utf8").catch(() => "");
    const kills = /^oom_kill (\d+)$/m.exec(text);
    if (kills?.[1]) return Number(kills[1]) > 0;
    const failures = await readFile(join(this.memory, "memory.failcnt"), "utf8").catch(() => "0");
    return Number(failures.trim()) > 0;
  }

  async peakKb(): Promise<number | undefined> {
    const text = await readFile(join(this.memory, "memory.max_usage_in_bytes"), "utf8").catch(
      () => "",
    );
    return text ? Math.round(Number(text.trim()) / 1024) : undefined;
  }

  async remove(): Promise<void> {
    await this.killAll();
    for (const dir of [this.memory, this.cpu]) await rmdir(dir).catch(() => undefined);
  }
}

/** A run's cgroup name: the grader's pid (to find runs of a dead grader) and a fresh id. */
export function runCgroupName(id: string): string {
  return `lumen-${process.pid}-${id}`;
}
const RUN_NAME = /^lumen-(\d+)-[0-9a-f-]{36}$/;

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes the cgroups a crashed grader left (its runs' processes died with it, see run.ts).
 * Only empty ones: rmdir refuses a cgroup that still holds a process.
 */
async function sweepStale(parents: CgroupParents): Promise<void> {
  for (const parent of [parents.memory, parents.cpu]) {
    for (const name of await readdir(parent).catch(() => [])) {
      const owner = RUN_NAME.exec(name)?.[1];
      if (owner && Number(owner) !== process.pid && !alive(Number(owner))) {
        await rmdir(join(parent, name)).catch(() => undefined);
      }
    }
  }
}
