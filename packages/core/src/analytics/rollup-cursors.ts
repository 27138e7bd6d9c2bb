import { type SQL, sql } from "drizzle-orm";
import {
  ANALYTICS_RUN_LOCK,
  ANALYTICS_WRITE_LOCK,
  type Database,
  type Transaction,
} from "../kernel";

/** The rollup's sources, by their analytics_cursors.source (ADR 0024). */
export const SOURCES = {
  events: "progress_events",
  attempts: "quiz_attempts",
  state: "enrollment_state",
} as const;
export type Source = (typeof SOURCES)[keyof typeof SOURCES];

/** How far the logs reach at one instant when no writer is in flight, and that instant. */
export interface Horizon {
  events: number;
  attempts: number;
  /** Epoch ms of the database clock when it was read: the next "as of". */
  at: number;
}

/** The last value a log's seq handed out (0 before the first row). */
const lastSeq = (sequence: SQL) =>
  sql`(select case when is_called then last_value else 0 end from ${sequence})`;

/**
 * Reads the horizon under the write lock taken exclusively: it waits for the log writers in
 * flight to commit (or roll back) and holds new ones for the instant of two sequence reads.
 */
export async function readHorizon(db: Database): Promise<Horizon> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${ANALYTICS_WRITE_LOCK})`);
    const { rows } = await tx.execute<{ events: string; attempts: string; at: string }>(sql`
      select ${lastSeq(sql`progress_events_seq_seq`)}::text as events,
        ${lastSeq(sql`quiz_attempts_seq_seq`)}::text as attempts,
        (extract(epoch from clock_timestamp()) * 1000)::bigint::text as at`);
    const row = rows[0];
    if (!row) throw new Error("analytics horizon read returned no row");
    return { events: Number(row.events), attempts: Number(row.attempts), at: Number(row.at) };
  });
}

/** A source's position (0 when it never ran), read under the run lock the caller holds. */
export async function cursorPosition(tx: Transaction, source: Source): Promise<number> {
  const { rows } = await tx.execute<{ position: string }>(
    sql`select position::text from analytics_cursors where source = ${source}`,
  );
  return Number(rows[0]?.position ?? 0);
}

/** Moves a source's cursor; `asOf` (epoch ms) is set once the source reached the horizon. */
export async function moveCursor(
  tx: Transaction,
  source: Source,
  position: number,
  asOf: number | null,
) {
  const at = asOf === null ? sql`null::timestamptz` : sql`to_timestamp(${asOf} / 1000.0)`;
  await tx.execute(sql`
    insert into analytics_cursors (source, position, updated_at)
    values (${source}, ${position}, coalesce(${at}, 'epoch'::timestamptz))
    on conflict (source) do update set position = excluded.position,
      updated_at = coalesce(${at}, analytics_cursors.updated_at)`);
}

/**
 * Starts a rollup or rebuild transaction: takes the run lock (batches and rebuilds run one at
 * a time, each reading the cursors as the previous one left them) and turns JIT off — the
 * planner's guesses for the lateral generate_series / unnest pieces are high enough to make
 * it JIT-compile every statement, which costs seconds where running it costs milliseconds.
 */
export async function beginRollupWork(tx: Transaction) {
  await tx.execute(sql`select pg_advisory_xact_lock(${ANALYTICS_RUN_LOCK})`);
  await tx.execute(sql`set local jit = off`);
}
