import { randomUUID } from "node:crypto";
import { createCourse, createEnrollment, createLesson, createModule } from "@lumen/core/testing";
import { progressEvents, users } from "@lumen/db";
import { PROGRESS_BEACON_PATH } from "@lumen/shared/constants";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestApp, signUp, signUpInstructor, type TestApp, WEB_ORIGIN } from "./harness";

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

/**
 * The two ways progress arrives over HTTP with a bare JSON body (what navigator.sendBeacon
 * sends): the SPA's progress route, and tRPC's `progress.record` as one plain mutation. Both
 * take the same input and answer the same result; tRPC wraps it in `result.data`.
 */
const ROUTES = [
  { name: `POST ${PROGRESS_BEACON_PATH}`, path: PROGRESS_BEACON_PATH, wrapped: false },
  { name: "POST /trpc/progress.record", path: "/trpc/progress.record", wrapped: true },
] as const;
type Route = (typeof ROUTES)[number];

const post = (route: Route, body: string, headers: Record<string, string> = {}) =>
  t.app.request(route.path, {
    method: "POST",
    headers: { "content-type": "application/json", origin: WEB_ORIGIN, ...headers },
    body,
  });

const ackSchema = z.object({
  accepted: z.number(),
  duplicates: z.number(),
  rejected: z.array(z.unknown()),
  courses: z.array(z.object({ enrollmentId: z.string(), percent: z.number() })),
  lessons: z.array(z.object({ lessonId: z.string(), watchedSeconds: z.number() })),
});

async function ackOf(route: Route, res: Response) {
  const body: unknown = await res.json();
  return ackSchema.parse(
    route.wrapped
      ? z.object({ result: z.object({ data: z.unknown() }) }).parse(body).result.data
      : body,
  );
}

const storedIds = async (ids: string[]) =>
  t.database.db
    .select({ id: progressEvents.eventId })
    .from(progressEvents)
    .where(inArray(progressEvents.eventId, ids));

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

describe.each(ROUTES)("$name", (route) => {
  it("accepts a plain JSON body from a signed-in learner and stores the events before answering", async () => {
    // The second is what a player from before coverage sends: its total is ignored.
    const events = [event(), event({ completed: false, watched: undefined, watchedSeconds: 3 })];
    const res = await post(route, JSON.stringify({ events }), { cookie });
    expect(res.status).toBe(200);
    const result = await ackOf(route, res);
    expect(result).toMatchObject({ accepted: 2, duplicates: 0, rejected: [] });
    expect(result.courses).toEqual([{ ...result.courses[0], enrollmentId, percent: 100 }]);
    expect(await storedIds(events.map((e) => e.eventId))).toHaveLength(2);
    // Sent again (a retry after a lost answer, a beacon after a send): acknowledged, once.
    const again = await post(route, JSON.stringify({ events }), { cookie });
    expect(await ackOf(route, again)).toMatchObject({ accepted: 0, duplicates: 2 });
    expect(await storedIds(events.map((e) => e.eventId))).toHaveLength(2);
  });

  it("answers 401 without a session and writes nothing", async () => {
    const sent = event();
    const res = await post(route, JSON.stringify({ events: [sent] }));
    expect(res.status).toBe(401);
    expect(await storedIds([sent.eventId])).toEqual([]);
  });

  it("answers 400 for an invalid event, naming the problem without stack or SQL", async () => {
    const valid = event();
    for (const body of [
      JSON.stringify({ events: [valid, event({ watched: [[-5, 2]] })] }),
      JSON.stringify({ events: [event({ watched: [[8, 2]] })] }),
      JSON.stringify({ events: [event({ watched: [[0, 1, 2]] })] }),
      JSON.stringify({ events: [event({ eventId: "not-a-uuid" })] }),
      JSON.stringify({ events: [] }),
      JSON.stringify([valid]),
      "{not json",
      "",
    ]) {
      const res = await post(route, body, { cookie });
      const text = await res.text();
      expect(res.status, body).toBe(400);
      expect(text).not.toMatch(/insert|select|progress_events|\bat \w+ \(|stack|node_modules/i);
    }
    // The valid event beside an invalid one was not written either.
    expect(await storedIds([valid.eventId])).toEqual([]);
  });

  it("refuses another site's page (403) and a body over the limit (413), writing nothing", async () => {
    const sent = event();
    const foreign = await post(route, JSON.stringify({ events: [sent] }), {
      cookie,
      origin: "https://evil.example",
    });
    expect(foreign.status).toBe(403);
    const huge = JSON.stringify({ events: [sent], padding: "x".repeat(t.env.MAX_BODY_BYTES) });
    const tooLarge = await post(route, huge, { cookie });
    expect(tooLarge.status).toBe(413);
    expect(await storedIds([sent.eventId])).toEqual([]);
  });
});

describe(`POST ${PROGRESS_BEACON_PATH}: errors in the API's HTTP shape`, () => {
  it("names the code, the invalid fields and the request id", async () => {
    const res = await post(ROUTES[0], JSON.stringify({ events: [event({ eventId: "nope" })] }), {
      cookie,
    });
    expect(res.status).toBe(400);
    const body = z
      .object({
        error: z.object({
          code: z.literal("BAD_REQUEST"),
          message: z.string(),
          requestId: z.string().min(1),
          fieldErrors: z.record(z.string(), z.array(z.string())),
        }),
      })
      .parse(await res.json());
    expect(Object.keys(body.error.fieldErrors)).toEqual(["events"]);
  });

  it("says UNAUTHORIZED to a signed-out page, which keeps its events for later", async () => {
    const res = await post(ROUTES[0], JSON.stringify({ events: [event()] }));
    expect(await res.json()).toMatchObject({
      error: { code: "UNAUTHORIZED", message: "Sign in to continue." },
    });
  });
});
