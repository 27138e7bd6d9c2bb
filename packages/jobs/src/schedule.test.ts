import { createTestDatabase, type TestDatabase } from "@lumen/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { z } from "zod";
import { defineJob, handleJob } from "./define";
import { queueDigestsJob, sendEmailsJob } from "./definitions";
import { createJobQueue } from "./queue";
import { type JobRunner, startJobRunner } from "./runner";

const tickJob = defineJob({
  name: "test.tick",
  payload: z.object({}).strip().nullish(),
  queue: { retryLimit: 0 },
  cron: "*/5 * * * *",
});

let database: TestDatabase;
let runner: JobRunner;
const queue = () => createJobQueue(database.connection);
let boss: ReturnType<typeof queue>;

beforeAll(async () => {
  database = await createTestDatabase();
  boss = queue();
  runner = await startJobRunner({
    queue: boss,
    handlers: [handleJob(tickJob, async () => {})],
    logger: { info: () => {}, error: () => {} },
  });
});
afterAll(async () => {
  await runner?.stop(5_000);
  await database?.close();
});

it("a job kind with a cron is scheduled by the runner that serves it, in UTC", async () => {
  const schedules = await boss.getSchedules(tickJob.name);
  expect(schedules.map((s) => [s.name, s.cron, s.timezone])).toEqual([
    [tickJob.name, "*/5 * * * *", "UTC"],
  ]);
});

it("email sending and digests run on a clock", () => {
  expect(sendEmailsJob.cron).toBe("* * * * *");
  expect(queueDigestsJob.cron).toBe("*/15 * * * *");
});
