import { randomUUID } from "node:crypto";
import type { SessionUser } from "@lumen/core/kernel";
import {
  addLessonOfKind,
  createCourse,
  createUser,
  questionsOfEveryKind,
} from "@lumen/core/testing";
import { WEBHOOK_EVENT_TYPES } from "@lumen/db";
import { webhookFanOutJob } from "@lumen/jobs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../testing/harness";

let t: TestContext;
let owner: SessionUser;
beforeAll(async () => {
  t = await createTestContext();
  owner = await createUser(t.db, "instructor");
});
afterAll(() => t.close());

/** The webhook events queued for `userId`, as "type" or "type lesson" lines, oldest first. */
async function queuedEvents(userId: string): Promise<string[]> {
  const { rows } = await t.db.execute<{ data: unknown }>(
    sql`select data from pgboss.job where name = ${webhookFanOutJob.name} order by created_on`,
  );
  return rows
    .flatMap((r) => webhookFanOutJob.payload.parse(r.data).events)
    .filter((e) => e.userId === userId)
    .map((e) => (e.data.lesson_id ? `${e.type} ${String(e.data.lesson_id)}` : e.type));
}

describe("webhook events from the tRPC paths", () => {
  it("enrolling, failing a quiz and then passing it queue enrollment.created, then lesson.completed and course.completed once", async () => {
    const course = await createCourse(t.db, owner);
    const lesson = await addLessonOfKind(t.db, course.id, "quiz");
    const saved = await t.callerFor(owner).quiz.save({
      lessonId: lesson.id,
      settings: { passingPercent: 50, maxAttempts: null, requiredForCertificate: false },
      questions: questionsOfEveryKind().slice(0, 1),
    });
    const questionId = saved.questions[0]?.id ?? "";
    const learner = await createUser(t.db);
    await t.callerFor(learner).webhooks.create({
      url: "https://hooks.example.com/mine",
      events: [...WEBHOOK_EVENT_TYPES],
    });

    await t.callerFor(learner).enrollment.enroll({ courseId: course.id });
    expect(await queuedEvents(learner.id)).toEqual(["enrollment.created"]);

    const submit = (optionId: string) =>
      t.callerFor(learner).quiz.submit({
        lessonId: lesson.id,
        attemptId: randomUUID(),
        answers: [{ questionId, response: { kind: "choice", optionIds: [optionId] } }],
      });
    expect((await submit("lyon")).passed).toBe(false);
    expect(await queuedEvents(learner.id)).toEqual(["enrollment.created"]);
    expect((await submit("paris")).passed).toBe(true);
    await submit("paris");
    expect(await queuedEvents(learner.id)).toEqual([
      "enrollment.created",
      `lesson.completed ${lesson.id}`,
      "course.completed",
    ]);
  });
});
