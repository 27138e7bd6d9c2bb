import { enrollInCourse } from "@lumen/core/enrollment";
import {
  createCourseWithLessons,
  createTestWorld,
  createUser,
  type TestWorld,
} from "@lumen/core/testing";
import { setUserRole } from "@lumen/core/users";
import { createWebhookEndpoint } from "@lumen/core/webhooks";
import { webhookFanOutJob } from "@lumen/jobs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webhookFanOutHandler } from "../src/jobs/webhooks";
import { runWebhookJobs, startWebhookReceiver } from "./webhook-receiver";

let world: TestWorld;
beforeAll(async () => {
  world = await createTestWorld();
});
afterAll(() => world.close());

const quiet = { info: () => {} };
const context = () => ({ jobId: "job-1", attempt: 0, signal: new AbortController().signal });
const runJobs = () => runWebhookJobs(world);

const fanOutJobs = async () => {
  const { rows } = await world.db.execute<{ n: number }>(
    sql`select count(*)::int as n from pgboss.job where name = ${webhookFanOutJob.name}`,
  );
  return rows[0]?.n ?? 0;
};

describe("webhook fan-out: who receives an event", () => {
  it("an endpoint receives only the events it subscribed to, and only its owner's or course's", async () => {
    const instructor = await createUser(world.db, "instructor");
    const learner = await createUser(world.db, "learner");
    const other = await createUser(world.db, "learner");
    const { course } = await createCourseWithLessons(world.db, instructor, [{ kind: "text" }]);
    const receiver = await startWebhookReceiver();
    try {
      const hook = await createWebhookEndpoint({
        db: world.db,
        user: learner,
        input: { url: receiver.url, description: "", events: ["course.completed"] },
      });
      receiver.useSecret(hook.secret);
      for (const user of [learner, other]) {
        await enrollInCourse({
          db: world.db,
          user,
          outbox: world.outbox,
          input: { courseId: course.id },
        });
      }
      await runJobs();
      expect(receiver.received).toEqual([]);
    } finally {
      await receiver.close();
    }
  });

  it("a course endpoint stops receiving once its owner no longer edits the course", async () => {
    const instructor = await createUser(world.db, "instructor");
    const { course } = await createCourseWithLessons(world.db, instructor, [{ kind: "text" }]);
    const receiver = await startWebhookReceiver();
    try {
      const hook = await createWebhookEndpoint({
        db: world.db,
        user: instructor,
        input: {
          url: receiver.url,
          description: "",
          events: ["enrollment.created"],
          courseId: course.id,
        },
      });
      receiver.useSecret(hook.secret);
      const enrollSomeone = async () =>
        enrollInCourse({
          db: world.db,
          user: await createUser(world.db, "learner"),
          outbox: world.outbox,
          input: { courseId: course.id },
        });
      await enrollSomeone();
      await runJobs();
      expect(receiver.received).toHaveLength(1);
      await setUserRole(world.db, instructor.id, "learner");
      await enrollSomeone();
      await runJobs();
      expect(receiver.received).toHaveLength(1);
    } finally {
      await receiver.close();
    }
  });

  it("actions nobody listens to queue no fan-out job; enrolling again is no event", async () => {
    const instructor = await createUser(world.db, "instructor");
    const learner = await createUser(world.db, "learner");
    const { course } = await createCourseWithLessons(world.db, instructor, [{ kind: "text" }]);
    await runJobs();
    const before = await fanOutJobs();
    const enroll = () =>
      enrollInCourse({
        db: world.db,
        user: learner,
        outbox: world.outbox,
        input: { courseId: course.id },
      });
    expect((await enroll()).created).toBe(true);
    expect(await fanOutJobs()).toBe(before);

    const receiver = await startWebhookReceiver();
    try {
      const hook = await createWebhookEndpoint({
        db: world.db,
        user: learner,
        input: { url: receiver.url, description: "", events: ["enrollment.created"] },
      });
      receiver.useSecret(hook.secret);
      expect((await enroll()).created).toBe(false);
      expect(await fanOutJobs()).toBe(before);
      await runJobs();
      expect(receiver.received).toEqual([]);
    } finally {
      await receiver.close();
    }
  });

  it("a repeated fan-out job creates no second delivery", async () => {
    const learner = await createUser(world.db, "learner");
    const instructor = await createUser(world.db, "instructor");
    const { course } = await createCourseWithLessons(world.db, instructor, [{ kind: "text" }]);
    const receiver = await startWebhookReceiver();
    try {
      const hook = await createWebhookEndpoint({
        db: world.db,
        user: learner,
        input: { url: receiver.url, description: "", events: ["enrollment.created"] },
      });
      receiver.useSecret(hook.secret);
      await enrollInCourse({
        db: world.db,
        user: learner,
        outbox: world.outbox,
        input: { courseId: course.id },
      });
      const { rows } = await world.db.execute<{ data: unknown }>(
        sql`select data from pgboss.job where name = ${webhookFanOutJob.name}
            order by created_on desc limit 1`,
      );
      const payload = webhookFanOutJob.payload.parse(rows[0]?.data);
      const fanOut = webhookFanOutHandler({ db: world.db, outbox: world.outbox, logger: quiet });
      await fanOut.handle(payload, context());
      await runJobs();
      expect(receiver.received).toHaveLength(1);
      expect(receiver.received[0]?.verified).toBe(true);
    } finally {
      await receiver.close();
    }
  });
});
