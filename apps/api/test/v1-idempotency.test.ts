import { enrollInCourse } from "@lumen/core/enrollment";
import { NotFoundError, type SessionUser } from "@lumen/core/kernel";
import {
  createCourse,
  createTestWorld,
  createUser,
  type TestUser,
  type TestWorld,
} from "@lumen/core/testing";
import { enrollments, idempotencyKeys } from "@lumen/db";
import { and, eq } from "drizzle-orm";
import { Hono } from "hono";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { expireIdempotencyKeysHandler } from "../src/jobs/expire-idempotency-keys";
import { createLogger } from "../src/logger";
import type { V1Env } from "../src/v1/context";
import { idempotency } from "../src/v1/idempotency";
import { ProblemError, problemBody } from "../src/v1/problem";

const LOCK_MS = 60_000;
const TTL_MS = 24 * 60 * 60 * 1000;

let world: TestWorld;
let instructor: TestUser;
/** The idempotency middleware's clock; tests move it instead of waiting. */
let clock = Date.now();
/** How many times the enrollment handler ran (the effect the key must make happen once). */
let handlerRuns = 0;
/** When set, the next enrollment handler run announces itself and waits to be let go. */
let hold: { entered: () => void; released: Promise<void> } | null = null;
let flakyFailures = 0;
const users = new Map<string, SessionUser>();
const warnings: string[] = [];

/**
 * The v1 stack in small: a stand-in authentication (the principal is the user named by a
 * test header), the middleware under test, then a route that calls the real enrollment
 * service, and a minimal problem renderer in place of the v1 error handler.
 */
function testApp() {
  const app = new Hono<V1Env>();
  app.onError((error, c) => {
    const problem =
      error instanceof ProblemError
        ? problemBody(error.problemType, error.message)
        : error instanceof NotFoundError
          ? problemBody("not-found", error.message)
          : problemBody("internal", "Something went wrong on our side.");
    const headers = error instanceof ProblemError ? (error.extra.headers ?? {}) : {};
    return c.body(JSON.stringify(problem), problem.status as 400, {
      ...headers,
      "Content-Type": "application/problem+json",
    });
  });
  app.use("*", async (c, next) => {
    const user = users.get(c.req.header("x-test-user") ?? "");
    if (!user) return c.text("who?", 401);
    c.set("principal", { user, scope: "write", keyId: null });
    c.set("requestId", "test");
    c.set("log", createLogger({ write: (line) => warnings.push(line) }));
    await next();
  });
  app.use("*", idempotency({ db: world.db, now: () => new Date(clock) }));
  app.post("/api/v1/enrollments", async (c) => {
    const { course_id } = z.object({ course_id: z.uuid() }).parse(await c.req.json());
    handlerRuns += 1;
    const held = hold;
    hold = null;
    if (held) {
      held.entered();
      await held.released;
    }
    const { enrollmentId, created } = await enrollInCourse({
      db: world.db,
      user: c.var.principal.user,
      input: { courseId: course_id },
    });
    const location = `/api/v1/enrollments/${enrollmentId}`;
    return c.json({ enrollment_id: enrollmentId, created }, created ? 201 : 200, {
      Location: location,
    });
  });
  app.post("/api/v1/flaky", (c) => {
    if (flakyFailures > 0) {
      flakyFailures -= 1;
      throw new Error("the database went away");
    }
    return c.json({ ok: true }, 201);
  });
  return app;
}

let app: ReturnType<typeof testApp>;

beforeAll(async () => {
  world = await createTestWorld();
  instructor = await createUser(world.db, "instructor");
  app = testApp();
});
afterAll(async () => {
  await world?.close();
});
beforeEach(() => {
  clock = Date.now();
  handlerRuns = 0;
  hold = null;
});

async function learner() {
  const user = await createUser(world.db);
  users.set(user.id, user);
  return user;
}

const course = () => createCourse(world.db, instructor);

function post(user: TestUser, body: unknown, key?: string, path = "/api/v1/enrollments") {
  return app.request(path, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-test-user": user.id,
      ...(key === undefined ? {} : { "idempotency-key": key }),
    },
    body: JSON.stringify(body),
  });
}

async function enrollmentsOf(user: TestUser) {
  return world.db.select().from(enrollments).where(eq(enrollments.userId, user.id));
}

async function storedKey(user: TestUser, key: string) {
  return world.db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, user.id), eq(idempotencyKeys.key, key)));
}

describe("Idempotency-Key on /api/v1", () => {
  it("a retry with the same key and body replays the stored status, body and headers", async () => {
    const user = await learner();
    const { id } = await course();
    const first = await post(user, { course_id: id }, "key-1");
    const firstBody = await first.text();
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();

    const again = await post(user, { course_id: id }, "key-1");
    expect(again.status).toBe(201);
    expect(await again.text()).toBe(firstBody);
    expect(again.headers.get("location")).toBe(first.headers.get("location"));
    expect(again.headers.get("content-type")).toBe(first.headers.get("content-type"));
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(handlerRuns).toBe(1);
    expect(await enrollmentsOf(user)).toHaveLength(1);
  });

  it("requests without the header pass through untouched", async () => {
    const user = await learner();
    const { id } = await course();
    expect((await post(user, { course_id: id })).status).toBe(201);
    // The service's own answer to a repeat: the existing enrollment, 200.
    expect((await post(user, { course_id: id })).status).toBe(200);
    expect(handlerRuns).toBe(2);
    const rows = await world.db
      .select()
      .from(idempotencyKeys)
      .where(eq(idempotencyKeys.userId, user.id));
    expect(rows).toHaveLength(0);
  });

  it("the same key with another body is 422 idempotency-key-reused and changes nothing", async () => {
    const user = await learner();
    const [first, second] = [await course(), await course()];
    expect((await post(user, { course_id: first.id }, "key-2")).status).toBe(201);

    const reused = await post(user, { course_id: second.id }, "key-2");
    expect(reused.status).toBe(422);
    expect(reused.headers.get("content-type")).toBe("application/problem+json");
    expect(await reused.json()).toMatchObject({
      type: "/api/v1/problems/idempotency-key-reused",
      status: 422,
    });
    expect((await enrollmentsOf(user)).map((e) => e.courseId)).toEqual([first.id]);
    expect(handlerRuns).toBe(1);
  });

  it("20 parallel POSTs with one key make one enrollment and store one response", async () => {
    const user = await learner();
    const { id } = await course();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => post(user, { course_id: id }, "key-race")),
    );
    const seen = await Promise.all(
      answers.map(async (res) => ({
        status: res.status,
        replayed: res.headers.get("idempotent-replayed") === "true",
        retryAfter: res.headers.get("retry-after"),
        body: await res.text(),
      })),
    );
    expect(handlerRuns).toBe(1);
    expect(await enrollmentsOf(user)).toHaveLength(1);
    const fresh = seen.filter((a) => a.status === 201 && !a.replayed);
    expect(fresh).toHaveLength(1);
    for (const answer of seen) {
      if (answer.status === 409) {
        expect(answer.retryAfter).toBe("1");
        expect(JSON.parse(answer.body).type).toBe("/api/v1/problems/idempotency-key-in-use");
      } else {
        expect(answer).toMatchObject({ status: 201, body: fresh[0]?.body });
      }
    }
    const [row] = await storedKey(user, "key-race");
    expect(row).toMatchObject({ state: "done", responseStatus: 201, responseBody: fresh[0]?.body });
  });

  it("while the first request runs a retry gets 409 with Retry-After; a dead claim is taken over", async () => {
    const user = await learner();
    const { id } = await course();
    let entered!: () => void;
    const started = new Promise<void>((resolve) => {
      entered = resolve;
    });
    let release!: () => void;
    hold = { entered, released: new Promise((resolve) => (release = resolve)) };
    const stuck = post(user, { course_id: id }, "key-crash");
    await started;

    const early = await post(user, { course_id: id }, "key-crash");
    expect(early.status).toBe(409);
    expect(early.headers.get("retry-after")).toBe("1");

    // The claimer looks dead once its lock has passed: the retry takes over and runs.
    clock += LOCK_MS + 1;
    const takeover = await post(user, { course_id: id }, "key-crash");
    expect(takeover.status).toBe(201);
    expect(takeover.headers.get("idempotent-replayed")).toBeNull();
    const takeoverBody = await takeover.text();

    // The old claimer finally answers; its claim is no longer its own, so nothing is stored.
    release();
    await stuck;
    const replay = await post(user, { course_id: id }, "key-crash");
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await replay.text()).toBe(takeoverBody);
    expect(handlerRuns).toBe(2);
    expect(await enrollmentsOf(user)).toHaveLength(1);
    expect(warnings.some((line) => line.includes("taken over"))).toBe(true);
  });

  it("keys are per caller: one key from two users makes two enrollments", async () => {
    const [ann, bob] = [await learner(), await learner()];
    const { id } = await course();
    const a = await post(ann, { course_id: id }, "shared-key");
    const b = await post(bob, { course_id: id }, "shared-key");
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.headers.get("idempotent-replayed")).toBeNull();
    expect(await enrollmentsOf(ann)).toHaveLength(1);
    expect(await enrollmentsOf(bob)).toHaveLength(1);
  });

  it("a 5xx is not stored: the retry with the same key runs again", async () => {
    const user = await learner();
    flakyFailures = 1;
    const failed = await post(user, {}, "key-5xx", "/api/v1/flaky");
    expect(failed.status).toBe(500);
    expect(await storedKey(user, "key-5xx")).toHaveLength(0);

    const retried = await post(user, {}, "key-5xx", "/api/v1/flaky");
    expect(retried.status).toBe(201);
    expect(retried.headers.get("idempotent-replayed")).toBeNull();
  });

  it("a 4xx answer is stored and replayed", async () => {
    const user = await learner();
    const missing = "00000000-0000-4000-8000-000000000000";
    const first = await post(user, { course_id: missing }, "key-404");
    expect(first.status).toBe(404);
    const again = await post(user, { course_id: missing }, "key-404");
    expect(again.status).toBe(404);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.headers.get("content-type")).toBe("application/problem+json");
    expect(await again.text()).toBe(await first.text());
  });

  it("a key past its expiry is as good as new, whatever body it held", async () => {
    const user = await learner();
    const [first, second] = [await course(), await course()];
    expect((await post(user, { course_id: first.id }, "key-old")).status).toBe(201);
    clock += TTL_MS + 1;
    const reused = await post(user, { course_id: second.id }, "key-old");
    expect(reused.status).toBe(201);
    expect(reused.headers.get("idempotent-replayed")).toBeNull();
    expect(await enrollmentsOf(user)).toHaveLength(2);
  });

  it.each([
    ["too long", "k".repeat(256)],
    ["not ASCII", "clé"],
    ["empty", ""],
  ])("a key that is %s is a 400 problem and runs nothing", async (_, key) => {
    const user = await learner();
    const { id } = await course();
    const res = await post(user, { course_id: id }, key);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ type: "/api/v1/problems/bad-request" });
    expect(handlerRuns).toBe(0);
  });

  it("the expire job deletes only rows past their expiry", async () => {
    const user = await learner();
    const { id } = await course();
    const start = clock;
    await post(user, { course_id: id }, "expire-old");
    clock = start + 2 * 60 * 60 * 1000;
    await post(user, { course_id: id }, "expire-young");

    const handler = expireIdempotencyKeysHandler({
      db: world.db,
      logger: { info: () => {} },
      now: () => new Date(start + TTL_MS + 60 * 60 * 1000),
    });
    await handler.handle({}, { jobId: "test", attempt: 0, signal: new AbortController().signal });
    expect(await storedKey(user, "expire-old")).toHaveLength(0);
    expect(await storedKey(user, "expire-young")).toHaveLength(1);
  });
});
