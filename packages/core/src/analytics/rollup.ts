import { sql } from "drizzle-orm";
import type { Database, Transaction } from "../kernel";
import {
  beginRollupWork,
  cursorPosition,
  type Horizon,
  moveCursor,
  readHorizon,
  SOURCES,
} from "./rollup-cursors";
import { applyAttemptBatch, applyEventBatch, type BatchCounts } from "./rollup-logs";
import { recountEnrollments } from "./rollup-recount";

export interface RollupResult {
  /** Progress events and quiz attempts applied by this run. */
  events: number;
  attempts: number;
  /** Enrollments whose counted state changed (an enrollment may count once per batch). */
  enrollments: number;
  ms: number;
}

/** Test seam: runs inside each batch's transaction after it applied, before its cursor moves. */
export interface RollupHooks {
  beforeCursorMove?(tx: Transaction, source: string): Promise<void>;
}

/**
 * Enrollments whose timestamps fall this long before the last run are re-read: writers stamp
 * rows with their transaction's start (or the API's clock) and may commit a little later.
 */
export const STATE_MARGIN_MS = 5 * 60_000;
/** Enrollments recounted per statement in the state pass (the first run reads them all). */
const STATE_CHUNK = 5_000;

/**
 * Brings the analytics_* tables up to date (ADR 0024): reads the horizon, applies the logs'
 * rows up to it in batches (each batch and its cursor move commit together, so a crash
 * re-applies nothing and loses nothing), then recounts the enrollments whose state changed
 * since the last run. Safe to run concurrently with itself: batches take the run lock and
 * read their cursor under it.
 */
export async function runAnalyticsRollup({
  db,
  batchSize = 50_000,
  hooks = {},
}: {
  db: Database;
  /** Log rows (seq values) per transaction. */
  batchSize?: number;
  hooks?: RollupHooks;
}): Promise<RollupResult> {
  const started = performance.now();
  const horizon = await readHorizon(db);
  const result = { events: 0, attempts: 0, enrollments: 0 };
  const logs = [
    { source: SOURCES.events, upTo: horizon.events, apply: applyEventBatch, key: "events" },
    { source: SOURCES.attempts, upTo: horizon.attempts, apply: applyAttemptBatch, key: "attempts" },
  ] as const;
  for (const log of logs) {
    for (;;) {
      const counts = await db.transaction(async (tx): Promise<BatchCounts | null> => {
        await beginRollupWork(tx);
        const from = await cursorPosition(tx, log.source);
        if (from >= log.upTo) return null;
        const to = Math.min(log.upTo, from + batchSize);
        const applied = await log.apply(tx, from, to);
        await hooks.beforeCursorMove?.(tx, log.source);
        await moveCursor(tx, log.source, to, to === log.upTo ? horizon.at : null);
        return applied;
      });
      if (!counts) break;
      result[log.key] += counts.rows;
      result.enrollments += counts.recounted;
    }
  }
  result.enrollments += await db.transaction((tx) => recountChangedState(tx, horizon));
  return { ...result, ms: Math.round(performance.now() - started) };
}

/**
 * Recounts the enrollments whose state moved without a log row: enrolled, unenrolled or
 * completed (enrollments), certified or revoked (certificates), or an exercise / assignment
 * lesson completed by grading or peer review (lesson_progress.completed_at, which grading
 * sets in its transaction). Then marks every source as of the horizon.
 */
async function recountChangedState(tx: Transaction, horizon: Horizon): Promise<number> {
  await beginRollupWork(tx);
  const since = Math.max(0, (await cursorPosition(tx, SOURCES.state)) - STATE_MARGIN_MS);
  const at = sql`to_timestamp(${since} / 1000.0)`;
  // The first two use the expression indexes enrollments_changed_at_idx and
  // certificates_changed_at_idx; graded lessons are found through their lessons.
  const { rows } = await tx.execute<{ id: string }>(sql`
    select id from enrollments
      where greatest(enrolled_at, unenrolled_at, completed_at) >= ${at}
    union
    select enrollment_id from certificates where greatest(issued_at, revoked_at) >= ${at}
    union
    select lp.enrollment_id from lessons le
      join lesson_progress lp on lp.lesson_id = le.id
      where le.kind in ('exercise', 'assignment') and lp.completed_at >= ${at}`);
  let recounted = 0;
  for (let i = 0; i < rows.length; i += STATE_CHUNK) {
    const chunk = rows.slice(i, i + STATE_CHUNK).map((r) => ({ id: r.id, activeAt: null }));
    recounted += await recountEnrollments(tx, chunk);
  }
  await moveCursor(tx, SOURCES.state, horizon.at, horizon.at);
  for (const [source, upTo] of [
    [SOURCES.events, horizon.events],
    [SOURCES.attempts, horizon.attempts],
  ] as const) {
    const position = await cursorPosition(tx, source);
    // Caught up (or nothing ever written): as fresh as the horizon.
    if (position >= upTo) await moveCursor(tx, source, position, horizon.at);
  }
  return recounted;
}
