import type { Database, DatabaseConnection } from "@lumen/db";
import { type SQL, sql } from "drizzle-orm";
import { fromDrizzle, fromPglite, PgBoss } from "pg-boss";
import type { z } from "zod";
import type { JobDefinition } from "./define";

const SCHEMA = "pgboss";

/**
 * The Postgres-backed job queue (pg-boss) on the same database as the app: jobs are rows,
 * so they can be written in the same transaction as the change that causes them.
 */
export function createJobQueue(
  connection: DatabaseConnection,
  options: { producerOnly?: boolean } = {},
): PgBoss {
  // A producer only inserts jobs: maintenance and cron belong to the runners. A runner's
  // monitor pass is what fails a job whose heartbeat stopped (its runner died), so it runs
  // every 10 s rather than pg-boss's 60 s: a killed transcode is retried within seconds.
  // Runners also LISTEN, so queues with `notify` (work somebody waits on, definitions.ts)
  // start a job the moment it commits; pg-boss falls back to polling where the connection cannot listen (PGlite).
  const role = options.producerOnly
    ? { supervise: false, schedule: false }
    : { superviseIntervalSeconds: 10, monitorIntervalSeconds: 10, useListenNotify: true };
  if (connection.driver === "pglite") {
    return new PgBoss({ db: fromPglite(connection.pglite), schema: SCHEMA, ...role });
  }
  return new PgBoss({ connectionString: connection.url, schema: SCHEMA, max: 4, ...role });
}

/**
 * Creates a job's queue with its options, or brings an existing queue's `notify` flag in line
 * with the definition: createQueue leaves an existing queue as it was created, so work that
 * became waited-on later would otherwise keep waiting for the poll.
 */
export async function ensureQueue(queue: PgBoss, job: JobDefinition): Promise<void> {
  await queue.createQueue(job.name, job.queue);
  await queue.updateQueue(job.name, { notify: job.queue.notify ?? false });
}

export interface EnqueueOptions {
  singletonKey?: string;
  /** Higher runs first within a queue (e.g. the first playable rendition before the ladder). */
  priority?: number;
  /** Seconds to wait before the job may run (a job handing its work to a later one). */
  startAfter?: number;
}

/**
 * Enqueues a job inside the caller's transaction (the outbox): if the transaction rolls
 * back, the job was never there; if it commits, a worker runs it at least once.
 */
export async function enqueue<P extends z.ZodType>(
  queue: PgBoss,
  tx: Database,
  job: JobDefinition<P>,
  payload: z.input<P>,
  options: EnqueueOptions = {},
): Promise<void> {
  const data = job.payload.parse(payload) as object;
  await queue.send(job.name, data, { ...options, db: fromDrizzle(drizzleExecutor(tx), sql) });
}

/**
 * pg-boss builds its statements with the `sql` tag we hand it, so every query it passes
 * back is a drizzle SQL object; all three drivers answer with `{ rows }`.
 */
function drizzleExecutor(tx: Database) {
  return {
    execute: async (query: unknown) => (await tx.execute(query as SQL)) as { rows: unknown[] },
  };
}
