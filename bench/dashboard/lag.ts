import type { Database } from "@lumen/db";
import type { Mailbox } from "@lumen/tools/mailbox";
import pg from "pg";
import { percentile } from "../lib/stats";
import { runLoad } from "../progress/load";
import { createCourses, signUpLearners, startPlaybackLongAgo } from "../progress/world";

/**
 * Freshness under load: the real API server on this database takes `pnpm bench progress`'s
 * load (closed-loop players POSTing event batches to /trpc/progress.record over loopback) for
 * `seconds`, while this process runs the rollup job at the runner's cadence (`everyMs`)
 * and a sampler reads, every 250 ms, how stale the rollup is: now − received_at of the oldest
 * event not yet applied (0 when everything received is applied): how old the newest data the
 * dashboard may be missing is. Returns the samples' median and max, and the load's own figures.
 */
export async function measureLag(o: {
  db: Database;
  url: string;
  /** The API server (bench/progress/api-server) on this database, and its sign-up mailbox. */
  apiUrl: string;
  mailbox: Mailbox;
  seconds: number;
  clients: number;
  batch: number;
  rollupOnce: () => Promise<unknown>;
  /**
   * A run starts this long after the previous one started, or as soon as it ends when it took
   * longer: the API asks for a run at most every 10 s per process and the queue keeps one
   * queued and one active (ADR 0024), so under steady load that is the runner's cadence.
   */
  everyMs: number;
  /** The progress_events position the rollup has applied up to. */
  appliedSeq: () => Promise<number>;
}) {
  const probe = new pg.Client({ connectionString: o.url });
  await probe.connect();
  try {
    const courseList = await createCourses(o.db, {
      count: 4,
      videos: 8,
      texts: 2,
      videoSeconds: 300,
    });
    const learners = await signUpLearners(o.apiUrl, o.mailbox, o.clients, courseList);
    await startPlaybackLongAgo(o.db, learners);
    // Catch up with everything before the load, so the samples measure the load alone.
    await o.rollupOnce();

    let loading = true;
    const staleness: number[] = [];
    let rollups = 0;
    const loop = (async () => {
      while (loading) {
        const began = performance.now();
        await o.rollupOnce();
        rollups += 1;
        const wait = o.everyMs - (performance.now() - began);
        if (wait > 0 && loading) await new Promise((r) => setTimeout(r, wait));
      }
    })();
    // One probe at a time, every 250 ms at most: a slow probe must not pile up behind itself.
    const sampler = (async () => {
      while (loading) {
        const began = performance.now();
        const applied = await o.appliedSeq();
        const { rows } = await probe.query<{ pending: number | null }>(
          `select extract(epoch from clock_timestamp() - received_at) * 1000 as pending
           from progress_events where seq > $1 order by seq limit 1`,
          [applied],
        );
        staleness.push(Number(rows[0]?.pending ?? 0));
        const wait = 250 - (performance.now() - began);
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      }
    })();
    const load = await runLoad({
      apiUrl: o.apiUrl,
      learners,
      clients: o.clients,
      batch: o.batch,
      warmupSeconds: 0,
      seconds: o.seconds,
    });
    loading = false;
    await Promise.all([loop, sampler]);
    const started = performance.now();
    await o.rollupOnce();
    const drainSeconds = (performance.now() - started) / 1000;
    return {
      eventsPerSecond: load.measuredEvents / load.measuredSeconds,
      errors: load.errors,
      rollups,
      samples: staleness.length,
      medianLagMs: percentile(staleness, 50),
      maxLagMs: Math.max(0, ...staleness),
      drainSeconds,
    };
  } finally {
    await probe.end();
  }
}
