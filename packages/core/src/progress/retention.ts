import { type SQL, sql } from "drizzle-orm";
import type { Database } from "../kernel";

/**
 * The progress event log's retention (ADR 0029). progress_events is range-partitioned by
 * month of occurred_at (UTC), one partition `progress_events_y<YYYY>m<MM>` per month plus
 * `progress_events_default` for events outside them. A job creates months ahead and drops
 * months older than the retention once the dashboard rollup has applied every event in them,
 * so the dashboard's rollups keep what the dropped events added (ADR 0024).
 */

/** Months kept by default: the current one and the 12 before it. */
export const DEFAULT_RETENTION_MONTHS = 12;
/** Months created ahead of the current one. */
export const MONTHS_AHEAD = 3;

const PARTITION = /^progress_events_y(\d{4})m(\d{2})$/;

export interface EventPartition {
  name: string;
  /** First instant of the month (UTC). */
  from: Date;
  /** First instant of the next month. */
  to: Date;
}

const monthStart = (year: number, month0: number) => new Date(Date.UTC(year, month0, 1));
const partitionName = (d: Date) =>
  `progress_events_y${d.getUTCFullYear()}m${String(d.getUTCMonth() + 1).padStart(2, "0")}`;

/** The monthly partitions that exist, oldest first (the default partition is not one). */
export async function listEventPartitions(db: Database): Promise<EventPartition[]> {
  const { rows } = await db.execute<{ name: string }>(sql`
    select c.relname as name from pg_inherits i
    join pg_class c on c.oid = i.inhrelid
    where i.inhparent = 'progress_events'::regclass order by c.relname`);
  return rows.flatMap(({ name }) => {
    const m = PARTITION.exec(name);
    if (!m) return [];
    const from = monthStart(Number(m[1]), Number(m[2]) - 1);
    return [{ name, from, to: monthStart(from.getUTCFullYear(), from.getUTCMonth() + 1) }];
  });
}

/**
 * Creates the current month's partition and `ahead` more, where missing. Events of such a
 * month that already landed in the default partition (a client clock far ahead) move into
 * the new partition in the same transaction: attaching a range the default partition still
 * holds rows of would fail.
 */
export async function ensureEventPartitions(
  db: Database,
  { now = new Date(), ahead = MONTHS_AHEAD } = {},
): Promise<string[]> {
  const existing = new Set((await listEventPartitions(db)).map((p) => p.name));
  const created: string[] = [];
  for (let k = 0; k <= ahead; k++) {
    const from = monthStart(now.getUTCFullYear(), now.getUTCMonth() + k);
    const to = monthStart(from.getUTCFullYear(), from.getUTCMonth() + 1);
    const name = partitionName(from);
    if (existing.has(name)) continue;
    const table = sql.identifier(name);
    const range = sql`occurred_at >= ${from.toISOString()}::timestamptz
      and occurred_at < ${to.toISOString()}::timestamptz`;
    await db.transaction(async (tx) => {
      await tx.execute(sql`create table ${table} (like progress_events including defaults)`);
      await tx.execute(sql`with moved as (delete from progress_events_default where ${range}
        returning *) insert into ${table} select * from moved`);
      await tx.execute(sql`alter table progress_events attach partition ${table}
        for values from (${literal(from)}) to (${literal(to)})`);
    });
    created.push(name);
  }
  return created;
}

export interface RetentionOutcome {
  dropped: string[];
  /** Old enough, but holding events the rollup has not applied yet: dropped on a later run. */
  waitingForRollup: string[];
  /** Events of months before those kept that sat in the default partition, deleted. */
  defaultRowsDeleted: number;
  /** Ids forgotten with their events (progress_event_ids): a resend of one counts anew. */
  idsDeleted: number;
}

/**
 * Drops the monthly partitions that end before the first month kept (the current month and
 * the `retentionMonths` before it) and whose every event the dashboard rollup has applied:
 * none has a seq past the rollup's cursor. The check runs under the parent's lock (a drop
 * takes it anyway), so no writer can add an event between the check and the drop; it is an
 * index range probe (BRIN on seq), so the lock lasts milliseconds.
 */
export async function dropExpiredEventPartitions(
  db: Database,
  { retentionMonths = DEFAULT_RETENTION_MONTHS, now = new Date() } = {},
): Promise<RetentionOutcome> {
  const keepFrom = monthStart(now.getUTCFullYear(), now.getUTCMonth() - retentionMonths);
  const outcome: RetentionOutcome = {
    dropped: [],
    waitingForRollup: [],
    defaultRowsDeleted: 0,
    idsDeleted: 0,
  };
  for (const partition of await listEventPartitions(db)) {
    if (partition.to > keepFrom) continue;
    const table = sql.identifier(partition.name);
    const dropped = await db.transaction(async (tx) => {
      // Ingest waits behind this lock: give up rather than stall it (the next run retries).
      await tx.execute(sql`set local lock_timeout = '5s'`);
      await tx.execute(sql`lock table progress_events in access exclusive mode`);
      const { rows } = await tx.execute<{ pending: boolean }>(sql`
        select exists (select 1 from ${table} where seq > coalesce((select position
          from analytics_cursors where source = 'progress_events'), 0)) as pending`);
      if (rows[0]?.pending !== false) return false;
      await tx.execute(sql`drop table ${table}`);
      return true;
    });
    (dropped ? outcome.dropped : outcome.waitingForRollup).push(partition.name);
  }
  // The default partition's old events (a client clock far behind), once applied the same way.
  const { rows } = await db.execute<{ n: number }>(sql`
    with gone as (delete from progress_events_default
      where occurred_at < ${keepFrom.toISOString()}::timestamptz
        and seq <= coalesce((select position from analytics_cursors
          where source = 'progress_events'), 0)
      returning 1)
    select count(*)::int as n from gone`);
  outcome.defaultRowsDeleted = rows[0]?.n ?? 0;

  // The ids of events no longer stored: before the oldest month left, and not in the default
  // partition (small: a plain scan of it).
  const oldest = (await listEventPartitions(db))[0]?.from ?? keepFrom;
  const forgetBefore = new Date(Math.min(oldest.getTime(), keepFrom.getTime()));
  const ids = await db.execute<{ n: number }>(sql`
    with gone as (delete from progress_event_ids i
      where i.occurred_at < ${forgetBefore.toISOString()}::timestamptz
        and not exists (select from progress_events_default d where d.event_id = i.event_id)
      returning 1)
    select count(*)::int as n from gone`);
  outcome.idsDeleted = ids.rows[0]?.n ?? 0;
  return outcome;
}

/** A partition bound: DDL takes no parameters, and a Date renders only as its ISO form. */
function literal(d: Date): SQL {
  return sql.raw(`'${d.toISOString()}'`);
}
