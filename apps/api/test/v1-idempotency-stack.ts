import { enrollInCourse } from "@lumen/core/enrollment";
import { NotFoundError, type SessionUser } from "@lumen/core/kernel";
import { createCourse, createTestWorld, createUser, type TestUser } from "@lumen/core/testing";
import { enrollments, idempotencyKeys } from "@lumen/db";
import { and, eq } from "drizzle-orm";
import { Hono } from "hono";
import { z } from "zod";
import { createLogger } from "../src/logger";
import type { V1Env } from "../src/v1/context";
import { idempotency } from "../src/v1/idempotency";
import { ProblemError, problemBody } from "../src/v1/problem";

/** Lets a test hold one handler run mid-flight (a claim that is running, or that "died"). */
export interface Hold {
  entered: () => void;
  released: Promise<void>;
}

/**
 * The v1 stack in small, over this test file's own database: a stand-in authentication (the
 * principal is the user named by a test header), the idempotency middleware on a clock the
 * test moves, a route that calls the real enrollment service, a route that fails on demand,
 * and a minimal problem renderer in place of the v1 error handler.
 */
export async function createIdempotencyStack() {
  const world = await createTestWorld();
  const instructor = await createUser(world.db, "instructor");
  const users = new Map<string, SessionUser>();
  const state = {
    /** The middleware's clock (epoch ms); tests move it instead of waiting. */
    clock: Date.now(),
    /** How many times the enrollment handler ran: the effect a key must make happen once. */
    handlerRuns: 0,
    /** When set, the next enrollment run announces itself and waits to be let go. */
    hold: null as Hold | null,
    /** How many of the next /flaky calls throw (an unexpected failure: 500). */
    flakyFailures: 0,
    /** Log lines written by the middleware. */
    logs: [] as string[],
  };

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
    c.set("log", createLogger({ write: (line) => state.logs.push(line) }));
    await next();
  });
  app.use("*", idempotency({ db: world.db, now: () => new Date(state.clock) }));
  app.post("/api/v1/enrollments", async (c) => {
    const { course_id } = z.object({ course_id: z.uuid() }).parse(await c.req.json());
    state.handlerRuns += 1;
    const held = state.hold;
    state.hold = null;
    if (held) {
      held.entered();
      await held.released;
    }
    const { enrollmentId, created } = await enrollInCourse({
      db: world.db,
      outbox: world.outbox,
      user: c.var.principal.user,
      input: { courseId: course_id },
    });
    return c.json({ enrollment_id: enrollmentId, created }, created ? 201 : 200, {
      Location: `/api/v1/enrollments/${enrollmentId}`,
    });
  });
  app.post("/api/v1/flaky", (c) => {
    if (state.flakyFailures > 0) {
      state.flakyFailures -= 1;
      throw new Error("the database went away");
    }
    return c.json({ ok: true }, 201);
  });

  return {
    world,
    state,
    learner: async () => {
      const user = await createUser(world.db);
      users.set(user.id, user);
      return user;
    },
    course: () => createCourse(world.db, instructor),
    post: (user: TestUser, body: unknown, key?: string, path = "/api/v1/enrollments") =>
      app.request(path, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-test-user": user.id,
          ...(key === undefined ? {} : { "idempotency-key": key }),
        },
        body: JSON.stringify(body),
      }),
    enrollmentsOf: (user: TestUser) =>
      world.db.select().from(enrollments).where(eq(enrollments.userId, user.id)),
    storedKey: (user: TestUser, key: string) =>
      world.db
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.userId, user.id), eq(idempotencyKeys.key, key))),
    close: () => world.close(),
  };
}
