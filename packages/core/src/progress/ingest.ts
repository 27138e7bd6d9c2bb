import type { Database } from "@lumen/db";
import type { Outbox } from "@lumen/jobs";
import type { SessionUser } from "../kernel";
import { applyBatch, type RecordCall } from "./apply-batch";
import type { ProgressEvent } from "./inputs";
import type { ProgressIngest, RecordResult } from "./types";

/** Counters for tests and benchmarks: how well calls were merged. */
export interface IngestStats {
  calls: number;
  events: number;
  /** Committed merged transactions (each covering one or more calls). */
  transactions: number;
  /** Calls re-run alone after the merged transaction they were in failed. */
  retriedAlone: number;
  /** Calls that failed even alone (rejected to the client, which retries). */
  failed: number;
}

export interface GroupCommitIngest extends ProgressIngest {
  stats(): IngestStats;
}

interface Pending extends RecordCall {
  resolve(result: RecordResult): void;
  reject(error: unknown): void;
}

/**
 * The progress write path with group commit. `record` queues the call; a flusher takes
 * everything queued (up to `maxBatchEvents`) and writes it in ONE transaction, so one commit
 * (one fsync) acknowledges many requests. Each call resolves with its own result only after
 * COMMIT. While a flush runs, new calls queue up and form the next batch; up to
 * `maxConcurrentFlushes` batches are in flight so one can fill while another commits.
 */
export function createProgressIngest(deps: {
  db: Database;
  outbox: Outbox;
  /** Upper bound of events merged into one transaction. */
  maxBatchEvents?: number;
  /** Merged transactions in flight at once (each holds one pooled connection). */
  maxConcurrentFlushes?: number;
  /** The clock that bounds coverage by elapsed playback time (tests move it forward). */
  now?: () => number;
  /** Called after each committed batch (the API asks for a dashboard rollup: ADR 0024). */
  onCommit?: () => void;
}): GroupCommitIngest {
  const { db, outbox, maxBatchEvents = 2_000, maxConcurrentFlushes = 2, now = Date.now } = deps;
  const queue: Pending[] = [];
  const stats: IngestStats = { calls: 0, events: 0, transactions: 0, retriedAlone: 0, failed: 0 };
  const committed = () => {
    stats.transactions += 1;
    deps.onCommit?.();
  };
  let inFlight = 0;
  let scheduled = false;
  let closed = false;
  let drained: (() => void) | null = null;

  const run = (calls: readonly RecordCall[]) =>
    db.transaction((tx) => applyBatch(tx, outbox, calls, now()));

  /** Takes whole calls from the queue until the next one would exceed maxBatchEvents. */
  function take(): Pending[] {
    const batch: Pending[] = [];
    let events = 0;
    while (queue.length > 0) {
      const next = queue[0];
      if (!next || (batch.length > 0 && events + next.events.length > maxBatchEvents)) break;
      queue.shift();
      batch.push(next);
      events += next.events.length;
    }
    return batch;
  }

  async function flush(batch: Pending[]) {
    try {
      const results = await run(batch);
      committed();
      for (const [i, call] of batch.entries()) {
        const result = results[i];
        if (result) call.resolve(result);
        else call.reject(new Error("progress batch lost a result"));
      }
    } catch (error) {
      if (batch.length === 1) {
        stats.failed += 1;
        batch[0]?.reject(error);
        return;
      }
      // One bad call must not fail the others: each gets a transaction of its own.
      for (const call of batch) {
        stats.retriedAlone += 1;
        try {
          const [result] = await run([call]);
          committed();
          if (result) call.resolve(result);
          else call.reject(new Error("progress batch lost a result"));
        } catch (alone) {
          stats.failed += 1;
          call.reject(alone);
        }
      }
    }
  }

  function pump() {
    while (inFlight < maxConcurrentFlushes && queue.length > 0) {
      const batch = take();
      inFlight += 1;
      void flush(batch).finally(() => {
        inFlight -= 1;
        if (queue.length > 0) schedule();
        else if (inFlight === 0) drained?.();
      });
    }
  }

  /** Waits one macrotask so that calls arriving together form one batch. */
  function schedule() {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      pump();
    });
  }

  return {
    record(user: SessionUser, events: readonly ProgressEvent[]) {
      if (closed) return Promise.reject(new Error("progress ingest is closed"));
      stats.calls += 1;
      stats.events += events.length;
      return new Promise<RecordResult>((resolve, reject) => {
        queue.push({ user, events, resolve, reject });
        schedule();
      });
    },
    async close() {
      closed = true;
      if (queue.length === 0 && inFlight === 0) return;
      await new Promise<void>((resolve) => {
        drained = resolve;
        schedule();
      });
    },
    stats: () => ({ ...stats }),
  };
}
