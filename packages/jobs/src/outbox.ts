import type { DatabaseConnection } from "@lumen/db";
import type { PgBoss } from "pg-boss";
import type { z } from "zod";
import type { JobDefinition } from "./define";
import { JOB_DEFINITIONS } from "./definitions";
import { createJobQueue, type EnqueueOptions, enqueue, ensureQueue } from "./queue";

type Transaction = Parameters<typeof enqueue>[1];
const NIL_UUID = "00000000-0000-0000-0000-000000000000";

/** What services see: "do this later, if and only if my transaction commits". */
export interface Outbox {
  enqueue<P extends z.ZodType>(
    tx: Transaction,
    job: JobDefinition<P>,
    payload: z.input<P>,
    options?: EnqueueOptions,
  ): Promise<void>;
}

export interface OutboxHandle extends Outbox {
  close(): Promise<void>;
}

/**
 * A producer-only pg-boss: it writes jobs but runs no workers, supervision or schedules
 * (the job runner does those). It makes sure every queue exists before anything is sent.
 */
export async function openOutbox(connection: DatabaseConnection): Promise<OutboxHandle> {
  const queue: PgBoss = createJobQueue(connection, { producerOnly: true });
  await queue.start();
  for (const job of JOB_DEFINITIONS) {
    await ensureQueue(queue, job);
    // ensureQueue drops pg-boss's cached entry for the queue, and the next send would look it
    // up on pg-boss's own connection. Inside a caller's transaction on PGlite (one connection)
    // that lookup waits for the transaction forever, so refill the cache now, outside any.
    await queue.getJobById(job.name, NIL_UUID);
  }
  return {
    enqueue: (tx, job, payload, options) => enqueue(queue, tx, job, payload, options),
    close: () => queue.stop({ graceful: false, close: true }),
  };
}
