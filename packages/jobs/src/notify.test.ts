/**
 * Work somebody waits on (`notify: true`) starts the moment its transaction commits, not at
 * the runner's next poll; and a queue created before it was marked so is brought in line.
 */
import { createTestDatabase, type TestDatabase } from "@lumen/db/testing";
import type { PgBoss } from "pg-boss";
import { afterAll, beforeAll, expect, it } from "vitest";
import { z } from "zod";
import { defineJob, handleJob } from "./define";
import { createJobQueue, enqueue } from "./queue";
import { type JobRunner, startJobRunner } from "./runner";

/** Longer than the test's patience: a job started sooner was woken, not polled. */
const POLL_SECONDS = 20;

const waitedOnJob = defineJob({
  name: "test.waited-on",
  payload: z.object({ sentAt: z.number() }),
  queue: { retryLimit: 0, notify: true },
});

let database: TestDatabase;
let queue: PgBoss;
let runner: JobRunner;
const pickups: number[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  // The queue as an earlier release created it: without notify.
  const earlier = createJobQueue(database.connection, { producerOnly: true });
  await earlier.start();
  await earlier.createQueue(waitedOnJob.name, { ...waitedOnJob.queue, notify: false });
  await earlier.stop({ graceful: false, close: true });

  queue = createJobQueue(database.connection);
  runner = await startJobRunner({
    queue,
    pollingIntervalSeconds: POLL_SECONDS,
    logger: { info: () => {}, error: () => {} },
    handlers: [
      handleJob(waitedOnJob, async ({ sentAt }) => {
        pickups.push(Date.now() - sentAt);
      }),
    ],
  });
});
afterAll(async () => {
  await runner.stop(5_000);
  await database.close();
});

it("a runner brings an existing queue's notify flag in line with the job's definition", async () => {
  expect((await queue.getQueue(waitedOnJob.name))?.notify).toBe(true);
});

it("a waited-on job starts seconds before the runner's next poll would have found it", async () => {
  // Past the worker's first fetch at start-up: from here only a NOTIFY or the poll finds it.
  await new Promise((r) => setTimeout(r, 500));
  const sentAt = Date.now();
  await database.db.transaction((tx) => enqueue(queue, tx, waitedOnJob, { sentAt }));
  const deadline = Date.now() + 10_000;
  while (pickups.length === 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
  }
  expect(pickups).toHaveLength(1);
  expect(pickups[0]).toBeLessThan(5_000);
});
