import { executeNamed } from "@lumen/db";
import { sql } from "drizzle-orm";
import type { Transaction } from "./database";

/**
 * The dashboard rollup's horizon lock (ADR 0024). Every transaction that appends to an
 * analytics log (progress_events, quiz_attempts) holds it shared from its start; the rollup
 * takes it exclusively for an instant to read the logs' last seq. At that instant no writer is
 * in flight, so every seq up to what it read is committed (or rolled back) and no later commit
 * can take a smaller one: the rollup applies each row exactly once without scanning for gaps.
 */
export const ANALYTICS_WRITE_LOCK = 7_358_240;

/** Serializes rollup batches and rebuilds: each reads its cursor under it. */
export const ANALYTICS_RUN_LOCK = 7_358_241;

/** Call once at the start of a transaction that inserts progress events or quiz attempts. */
export async function holdAnalyticsWriteLock(tx: Transaction): Promise<void> {
  await executeNamed(
    tx,
    "lumen_analytics_write_lock",
    sql`select pg_advisory_xact_lock_shared(${sql.raw(String(ANALYTICS_WRITE_LOCK))})`,
  );
}
