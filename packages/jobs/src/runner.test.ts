import { databaseFailureOf } from "@lumen/db";
import { createTestDatabase, type TestDatabase } from "@lumen/db/testing";
import { sql } from "drizzle-orm";
import type { PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { defineJob, handleJob } from "./define";
import { createJobQueue, enqueue } from "./queue";
import { type JobRunner, startJobRunner } from "./runner";

// A job kind that exists only in this test: it records each attempt it sees.
const recordJob = defineJob({
  name: "test.record",
  payload: z.object({ marker: z.string(), failFirst: z.boolean().default(false) }),
  queue: { retryLimit: 3, retryDelay: 1 },
});

// Fails every attempt, recording whether the runner said it was the last one.
const lastChanceJob = defineJob({
  name: "test.last-chance",
  payload: z.object({ marker: z.string() }),
  queue: { retryLimit: 1, retryDelay: 1 },
});

// Waits for a sibling to be in flight, to show its own concurrency beats the runner's.
const pairJob = defineJob({
  name: "test.pair",
  payload: z.object({ marker: z.string() }),
  queue: { retryLimit: 0 },
});

// Fails with a statement whose parameters include a secret-looking value.
const leakyJob = defineJob({
  name: "test.leaky-statement",
  payload: z.object({ marker: z.string() }),
  queue: { retryLimit: 0 },
});
const SECRET = "sk_live_runner-secret";

let database: TestDatabase;
let queue: PgBoss;
let runner: JobRunner;
const attempts: Array<{ marker: string; attempt: number }> = [];
const logs: string[] = [];
const loggedErrors: unknown[] = [];
const finalFlags: boolean[] = [];
const attemptCounts: string[] = [];
let pairsInFlight = 0;
let mostPairsInFlight = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  await database.db.execute(sql`create table outbox_probe (marker text primary key)`);
  queue = createJobQueue(database.connection);
  runner = await startJobRunner({
    queue,
    pollingIntervalSeconds: 0.5,
    concurrency: 1,
    logger: {
      info: (m) => logs.push(m),
      error: (m, fields) => {
        logs.push(m);
        loggedErrors.push(fields?.err);
      },
    },
    handlers: [
      handleJob(recordJob, async ({ marker, failFirst }, { attempt }) => {
        attempts.push({ marker, attempt });
        if (failFirst && attempt === 0) throw new Error("transient failure");
      }),
      handleJob(lastChanceJob, async (_payload, { finalAttempt, attempt, maxAttempts }) => {
        finalFlags.push(finalAttempt === true);
        attemptCounts.push(`${attempt + 1} of ${maxAttempts}`);
        throw new Error("always fails");
      }),
      handleJob(leakyJob, async ({ marker }) => {
        await database.db.execute(sql`select ${marker}::text, ${SECRET}::text, ${"\u0000"}::text`);
      }),
      handleJob(
        pairJob,
        async () => {
          pairsInFlight += 1;
          mostPairsInFlight = Math.max(mostPairsInFlight, pairsInFlight);
          const deadline = Date.now() + 5_000;
          while (mostPairsInFlight < 2 && Date.now() < deadline) {
            await new Promise((r) => setTimeout(r, 50));
          }
          pairsInFlight -= 1;
        },
        { concurrency: 2 },
      ),
    ],
  });
});
afterAll(async () => {
  await runner.stop(5_000);
  await database.close();
});

async function until(predicate: () => boolean | Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function jobsWithMarker(marker: string) {
  const result = await database.db.execute(
    sql`select count(*)::int as n from pgboss.job where name = ${recordJob.name} and data->>'marker' = ${marker}`,
  );
  return (result.rows[0] as { n: number }).n;
}

describe("job runner", () => {
  it("runs a job enqueued in a committed transaction", async () => {
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into outbox_probe values ('committed')`);
      await enqueue(queue, tx, recordJob, { marker: "committed" });
    });
    await until(() => attempts.some((a) => a.marker === "committed"));
    expect(attempts.filter((a) => a.marker === "committed")).toEqual([
      { marker: "committed", attempt: 0 },
    ]);
  });

  it("a rolled-back transaction leaves neither the change nor its job", async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`insert into outbox_probe values ('rolled-back')`);
        await enqueue(queue, tx, recordJob, { marker: "rolled-back" });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await jobsWithMarker("rolled-back")).toBe(0);
    const probe = await database.db.execute(
      sql`select count(*)::int as n from outbox_probe where marker = 'rolled-back'`,
    );
    expect((probe.rows[0] as { n: number }).n).toBe(0);
  });

  it("retries a job that fails and then succeeds", async () => {
    await database.db.transaction((tx) =>
      enqueue(queue, tx, recordJob, { marker: "flaky", failFirst: true }),
    );
    await until(() => attempts.filter((a) => a.marker === "flaky").length === 2);
    expect(attempts.filter((a) => a.marker === "flaky").map((a) => a.attempt)).toEqual([0, 1]);
    expect(logs).toContain("job failed");
  });

  it("refuses a payload that does not match the job's schema, enqueuing nothing", async () => {
    await expect(
      database.db.transaction((tx) => enqueue(queue, tx, recordJob, { marker: 42 } as never)),
    ).rejects.toThrow();
    expect(await jobsWithMarker("42")).toBe(0);
  });

  it("tells a handler which attempt of how many it runs, and when it is the last", async () => {
    await database.db.transaction((tx) => enqueue(queue, tx, lastChanceJob, { marker: "last" }));
    await until(() => finalFlags.length === 2);
    expect(finalFlags).toEqual([false, true]);
    expect(attemptCounts).toEqual(["1 of 2", "2 of 2"]);
  });

  it("runs a handler's jobs side by side up to its own concurrency", async () => {
    await database.db.transaction(async (tx) => {
      await enqueue(queue, tx, pairJob, { marker: "a" });
      await enqueue(queue, tx, pairJob, { marker: "b" });
    });
    await until(() => mostPairsInFlight === 2 && pairsInFlight === 0);
    expect(mostPairsInFlight).toBe(2);
  });

  it("stores a failed statement in the job as its SQLSTATE, never its parameter values", async () => {
    await database.db.transaction((tx) => enqueue(queue, tx, leakyJob, { marker: "leaky" }));
    const output = async () => {
      const { rows } = await database.db.execute<{ state: string; output: string | null }>(
        sql`select state::text, output::text from pgboss.job where name = ${leakyJob.name}`,
      );
      return rows[0];
    };
    await until(async () => (await output())?.state === "failed");
    const stored = await output();
    expect(stored?.output).toContain("22021");
    expect(stored?.output).not.toContain(SECRET);
    // The logger gets the original error: the API's logger describes it without values.
    expect(databaseFailureOf(loggedErrors.at(-1))?.code).toBe("22021");
  });
});
