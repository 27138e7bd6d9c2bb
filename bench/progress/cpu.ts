import { readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); 0 once gone. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime are fields 14 and 15 of the full line, 12 and 13 after the name.
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/**
 * CPU used by a changing set of processes (Postgres backends come and go with the pool):
 * samples `pids()` periodically and sums, per process, what it used since it was first seen
 * after `start()` (all of it for processes born later).
 */
export function trackCpu(pids: () => Promise<number[]>, intervalMs = 500) {
  const seen = new Map<number, { first: number; last: number }>();
  let started = false;
  const sample = async () => {
    for (const pid of await pids()) {
      const now = cpuSeconds(pid);
      const entry = seen.get(pid);
      if (entry) entry.last = Math.max(entry.last, now);
      else seen.set(pid, { first: started ? 0 : now, last: now });
    }
  };
  const timer = setInterval(() => void sample().catch(() => {}), intervalMs);
  return {
    async start() {
      seen.clear();
      await sample();
      started = true;
    },
    async stop(): Promise<number> {
      clearInterval(timer);
      await sample();
      let total = 0;
      for (const { first, last } of seen.values()) total += last - first;
      return total;
    },
  };
}
