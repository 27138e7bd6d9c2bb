import { randomUUID } from "node:crypto";
import { createCourse, createEnrollment, createLesson, createModule } from "@lumen/core/testing";
import { progressEvents, users } from "@lumen/db";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  createTestApp,
  signUp,
  signUpInstructor,
  type TestApp,
  trpcData,
  WEB_ORIGIN,
} from "./harness";

let t: TestApp;
let cookie: string;
let enrollmentId: string;
let lessonId: string;

/** A published course with one text lesson and the learner's enrollment, written directly. */
async function enrolledLesson(instructorId: string, learnerId: string) {
  const db = t.database.db;
  const course = await createCourse(
    db,
    { id: instructorId },
    { title: "Reading", category: "Design", publishedAt: new Date() },
  );
  const mod = await createModule(db, course.id, { title: "Start" });
  const lesson = await createLesson(db, mod.id, { title: "Read me", kind: "text" });
  const enrollment = await createEnrollment(db, { id: learnerId }, course.id);
  return { lessonId: lesson.id, enrollmentId: enrollment.id };
}

/** What navigator.sendBeacon sends: a bare JSON body, no tRPC client framing. */
const beacon = (body: string, headers: Record<string, string> = {}) =>
  t.app.request("/trpc/progress.record", {
    method: "POST",
    headers: { "content-type": "application/json", origin: WEB_ORIGIN, ...headers },
    body,
  });

const event = (overrides: Record<string, unknown> = {}) => ({
  eventId: randomUUID(),
  enrollmentId,
  lessonId,
  watched: [[0, 12]],
  positionSeconds: 12,
  completed: true,
  occurredAt: Date.now(),
  ...overrides,
});

beforeAll(async () => {
  t = await createTestApp();
  const instructor = await signUpInstructor(t, "teacher@progress.test");
  cookie = await signUp(t, "reader@progress.test");
  const [learner] = await t.database.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, "reader@progress.test"));
  ({ lessonId, enrollmentId } = await enrolledLesson(instructor.id, learner?.id ?? ""));
});
afterAll(() => t.database.close());

describe("POST /trpc/progress.record (beacon)", () => {
  it("accepts a plain JSON body from a signed-in learner and stores the events before answering", async () => {
    // The second is what a player from before coverage sends: its total is ignored.
    const events = [event(), event({ completed: false, watched: undefined, watchedSeconds: 3 })];
    const res = await beacon(JSON.stringify({ events }), { cookie });
    expect(res.status).toBe(200);
    const result = await trpcData(
      res,
      z.object({
        accepted: z.number(),
        duplicates: z.number(),
        rejected: z.array(z.unknown()),
        courses: z.array(z.object({ enrollmentId: z.string(), percent: z.number() })),
      }),
    );
    expect(result).toMatchObject({ accepted: 2, duplicates: 0, rejected: [] });
    expect(result.courses).toEqual([{ ...result.courses[0], enrollmentId, percent: 100 }]);
    const stored = await t.database.db
      .select({ id: progressEvents.eventId })
      .from(progressEvents)
      .where(
        inArray(
          progressEvents.eventId,
          events.map((e) => e.eventId),
        ),
      );
    expect(stored).toHaveLength(2);
  });

  it("answers 401 without a session and writes nothing", async () => {
    const sent = event();
    const res = await beacon(JSON.stringify({ events: [sent] }));
    expect(res.status).toBe(401);
    const stored = await t.database.db
      .select()
      .from(progressEvents)
      .where(eq(progressEvents.eventId, sent.eventId));
    expect(stored).toEqual([]);
  });

  it("answers 400 for an invalid event, naming the problem without stack or SQL", async () => {
    for (const body of [
      JSON.stringify({ events: [event({ watched: [[-5, 2]] })] }),
      JSON.stringify({ events: [event({ watched: [[8, 2]] })] }),
      JSON.stringify({ events: [event({ watched: [[0, 1, 2]] })] }),
      JSON.stringify({ events: [event({ eventId: "not-a-uuid" })] }),
      JSON.stringify({ events: [] }),
      "{not json",
    ]) {
      const res = await beacon(body, { cookie });
      const text = await res.text();
      expect(res.status, body).toBe(400);
      expect(text).not.toMatch(/insert|select|progress_events|\bat \w+ \(|stack|node_modules/i);
    }
  });
});
