import { analyticsRollupJob, type Outbox } from "@lumen/jobs";
import type { Database } from "../kernel";

export interface RollupRequester {
  /** Asks for a rollup run soon; a no-op if this process asked less than `everyMs` ago. */
  request(): void;
}

/**
 * Keeps the dashboard fresh under load (ADR 0024): the API's log writers (progress ingest,
 * quiz submit) call `request` after each commit, and at most one job per `everyMs` per process
 * is sent. The queue is stately, so a request while a run is already queued is dropped there:
 * runs never pile up, and the minutely cron covers a process that sends nothing.
 */
export function createRollupRequester({
  db,
  outbox,
  everyMs = 10_000,
  now = Date.now,
  onError,
}: {
  db: Database;
  outbox: Outbox;
  everyMs?: number;
  now?: () => number;
  /** A failed send is only logged: the cron runs the rollup anyway within a minute. */
  onError: (error: unknown) => void;
}): RollupRequester {
  let last = Number.NEGATIVE_INFINITY;
  return {
    request() {
      const at = now();
      if (at - last < everyMs) return;
      last = at;
      outbox.enqueue(db, analyticsRollupJob, {}).catch(onError);
    },
  };
}
