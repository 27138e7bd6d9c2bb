import { randomUUID } from "node:crypto";
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  UnauthorizedError,
  ValidationError,
} from "@lumen/core/kernel";
import { PROGRESS_BEACON_PATH } from "@lumen/shared/constants";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestApp, signUp, type TestApp, WEB_ORIGIN } from "./harness";

/**
 * The progress route and tRPC's `progress.record` answer an error from the ingest alike: the
 * same status and code, the message of a domain error, nothing of any other. The real ingest
 * throws no domain error for input it accepted (a foreign enrollment is a per-event rejection),
 * so the ingest here is the real one wrapped to throw the error each case names.
 */
let t: TestApp;
let cookie: string;
let failWith: Error | null = null;

beforeAll(async () => {
  t = await createTestApp(
    {},
    {
      wrapProgress: (ingest) => ({
        record: async (user, events) => {
          if (failWith) throw failWith;
          return ingest.record(user, events);
        },
        close: () => ingest.close(),
      }),
    },
  );
  cookie = await signUp(t, "errors@progress.test");
});
afterAll(() => t.database.close());

const body = JSON.stringify({
  events: [
    {
      eventId: randomUUID(),
      enrollmentId: randomUUID(),
      lessonId: randomUUID(),
      watched: [[0, 5]],
      positionSeconds: 5,
      completed: false,
      occurredAt: Date.now(),
    },
  ],
});

const send = (path: string) =>
  t.app.request(path, {
    method: "POST",
    headers: { "content-type": "application/json", origin: WEB_ORIGIN, cookie },
    body,
  });

const routeError = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
const trpcError = z.object({
  error: z.object({ message: z.string(), data: z.object({ code: z.string() }) }),
});

/** Both answers to the same failure, as status, code and message. */
async function bothAnswers() {
  const route = await send(PROGRESS_BEACON_PATH);
  const trpc = await send("/trpc/progress.record");
  const routeText = await route.text();
  const trpcText = await trpc.text();
  const r = routeError.parse(JSON.parse(routeText)).error;
  const p = trpcError.parse(JSON.parse(trpcText)).error;
  return {
    route: { status: route.status, code: r.code, message: r.message },
    trpc: { status: trpc.status, code: p.data.code, message: p.message },
    texts: [routeText, trpcText],
  };
}

describe("an error from the progress ingest (ingest wrapped to throw it)", () => {
  it.each([
    [new ForbiddenError("That enrollment is not yours."), 403, "FORBIDDEN"],
    [new NotFoundError("No such lesson."), 404, "NOT_FOUND"],
    [new ConflictError("The course was archived."), 409, "CONFLICT"],
    [new RateLimitedError("Too many events; try again in a minute."), 429, "TOO_MANY_REQUESTS"],
    [new UnauthorizedError("Sign in again."), 401, "UNAUTHORIZED"],
    [
      new ValidationError("An event is out of range.", { events: ["out of range"] }),
      400,
      "BAD_REQUEST",
    ],
  ] as const)(
    "%s: the same status, code and message on both paths",
    async (error, status, code) => {
      failWith = error;
      const { route, trpc } = await bothAnswers();
      expect(route).toEqual({ status, code, message: error.message });
      expect(trpc).toEqual(route);
    },
  );

  it("anything else: 500 on both, without its message, a stack or SQL", async () => {
    failWith = new Error(
      'insert into "progress_events" failed: connection to db.internal:5432 lost',
    );
    const { route, trpc, texts } = await bothAnswers();
    expect(route.status).toBe(500);
    expect(trpc.status).toBe(500);
    expect(trpc.code).toBe(route.code);
    for (const text of texts) {
      expect(text).not.toMatch(/progress_events|db\.internal|5432|\bat \w+ \(|node_modules/);
    }
    failWith = null;
  });
});
