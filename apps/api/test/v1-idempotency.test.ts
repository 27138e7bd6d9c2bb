import { idempotencyKeys } from "@lumen/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { expireIdempotencyKeysHandler } from "../src/jobs/expire-idempotency-keys";
import { createIdempotencyStack } from "./v1-idempotency-stack";

const LOCK_MS = 60_000;
const TTL_MS = 24 * 60 * 60 * 1000;

let s: Awaited<ReturnType<typeof createIdempotencyStack>>;
beforeAll(async () => {
  s = await createIdempotencyStack();
});
afterAll(() => s?.close());
beforeEach(() => {
  s.state.clock = Date.now();
  s.state.handlerRuns = 0;
  s.state.hold = null;
});

describe("Idempotency-Key on /api/v1", () => {
  it("a retry with the same key and body replays the stored status, body and headers", async () => {
    const user = await s.learner();
    const { id } = await s.course();
    const first = await s.post(user, { course_id: id }, "key-1");
    const firstBody = await first.text();
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();

    const again = await s.post(user, { course_id: id }, "key-1");
    expect(again.status).toBe(201);
    expect(await again.text()).toBe(firstBody);
    expect(again.headers.get("location")).toBe(first.headers.get("location"));
    expect(again.headers.get("content-type")).toBe(first.headers.get("content-type"));
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(s.state.handlerRuns).toBe(1);
    expect(await s.enrollmentsOf(user)).toHaveLength(1);
  });

  it("requests without the header pass through untouched", async () => {
    const user = await s.learner();
    const { id } = await s.course();
    expect((await s.post(user, { course_id: id })).status).toBe(201);
    // The service's own answer to a repeat: the existing enrollment, 200.
    expect((await s.post(user, { course_id: id })).status).toBe(200);
    expect(s.state.handlerRuns).toBe(2);
    const rows = await s.world.db
      .select()
      .from(idempotencyKeys)
      .where(eq(idempotencyKeys.userId, user.id));
    expect(rows).toHaveLength(0);
  });

  it("the same key with another body is 422 idempotency-key-reused and changes nothing", async () => {
    const user = await s.learner();
    const [first, second] = [await s.course(), await s.course()];
    expect((await s.post(user, { course_id: first.id }, "key-2")).status).toBe(201);

    const reused = await s.post(user, { course_id: second.id }, "key-2");
    expect(reused.status).toBe(422);
    expect(reused.headers.get("content-type")).toBe("application/problem+json");
    expect(await reused.json()).toMatchObject({
      type: "/api/v1/problems/idempotency-key-reused",
      status: 422,
    });
    expect((await s.enrollmentsOf(user)).map((e) => e.courseId)).toEqual([first.id]);
    expect(s.state.handlerRuns).toBe(1);
  });

  it("20 parallel POSTs with one key make one enrollment and store one response", async () => {
    const user = await s.learner();
    const { id } = await s.course();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => s.post(user, { course_id: id }, "key-race")),
    );
    const seen = await Promise.all(
      answers.map(async (res) => ({
        status: res.status,
        replayed: res.headers.get("idempotent-replayed") === "true",
        retryAfter: res.headers.get("retry-after"),
        body: await res.text(),
      })),
    );
    expect(s.state.handlerRuns).toBe(1);
    expect(await s.enrollmentsOf(user)).toHaveLength(1);
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
    const [row] = await s.storedKey(user, "key-race");
    expect(row).toMatchObject({ state: "done", responseStatus: 201, responseBody: fresh[0]?.body });
  });

  it("while the first request runs a retry gets 409 with Retry-After; a dead claim is taken over", async () => {
    const user = await s.learner();
    const { id } = await s.course();
    let entered!: () => void;
    const started = new Promise<void>((resolve) => {
      entered = resolve;
    });
    let release!: () => void;
    s.state.hold = { entered, released: new Promise((resolve) => (release = resolve)) };
    const stuck = s.post(user, { course_id: id }, "key-crash");
    await started;

    const early = await s.post(user, { course_id: id }, "key-crash");
    expect(early.status).toBe(409);
    expect(early.headers.get("retry-after")).toBe("1");

    // The claimer looks dead once its lock has passed: the retry takes over and runs. Only
    // the same request takes it: another body under the key is the caller's mistake.
    s.state.clock += LOCK_MS + 1;
    const other = await s.course();
    const mismatch = await s.post(user, { course_id: other.id }, "key-crash");
    expect(mismatch.status).toBe(422);
    expect(s.state.handlerRuns).toBe(1);
    const takeover = await s.post(user, { course_id: id }, "key-crash");
    expect(takeover.status).toBe(201);
    expect(takeover.headers.get("idempotent-replayed")).toBeNull();
    const takeoverBody = await takeover.text();

    // The old claimer finally answers; its claim is no longer its own, so nothing is stored.
    release();
    await stuck;
    const replay = await s.post(user, { course_id: id }, "key-crash");
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await replay.text()).toBe(takeoverBody);
    expect(s.state.handlerRuns).toBe(2);
    expect(await s.enrollmentsOf(user)).toHaveLength(1);
    expect(s.state.logs.some((line) => line.includes("taken over"))).toBe(true);
  });

  it("keys are per caller: one key from two users makes two enrollments", async () => {
    const [ann, bob] = [await s.learner(), await s.learner()];
    const { id } = await s.course();
    const a = await s.post(ann, { course_id: id }, "shared-key");
    const b = await s.post(bob, { course_id: id }, "shared-key");
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.headers.get("idempotent-replayed")).toBeNull();
    expect(await s.enrollmentsOf(ann)).toHaveLength(1);
    expect(await s.enrollmentsOf(bob)).toHaveLength(1);
  });

  it("a 5xx is not stored: the retry with the same key runs again", async () => {
    const user = await s.learner();
    s.state.flakyFailures = 1;
    const failed = await s.post(user, {}, "key-5xx", "/api/v1/flaky");
    expect(failed.status).toBe(500);
    expect(await s.storedKey(user, "key-5xx")).toHaveLength(0);

    const retried = await s.post(user, {}, "key-5xx", "/api/v1/flaky");
    expect(retried.status).toBe(201);
    expect(retried.headers.get("idempotent-replayed")).toBeNull();
  });

  it("a 4xx answer is stored and replayed", async () => {
    const user = await s.learner();
    const missing = "00000000-0000-4000-8000-000000000000";
    const first = await s.post(user, { course_id: missing }, "key-404");
    expect(first.status).toBe(404);
    const again = await s.post(user, { course_id: missing }, "key-404");
    expect(again.status).toBe(404);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.headers.get("content-type")).toBe("application/problem+json");
    expect(await again.text()).toBe(await first.text());
  });

  it("a key past its expiry is as good as new, whatever body it held", async () => {
    const user = await s.learner();
    const [first, second] = [await s.course(), await s.course()];
    expect((await s.post(user, { course_id: first.id }, "key-old")).status).toBe(201);
    s.state.clock += TTL_MS + 1;
    const reused = await s.post(user, { course_id: second.id }, "key-old");
    expect(reused.status).toBe(201);
    expect(reused.headers.get("idempotent-replayed")).toBeNull();
    expect(await s.enrollmentsOf(user)).toHaveLength(2);
  });

  it.each([
    ["too long", "k".repeat(256)],
    ["not ASCII", "clé"],
    ["empty", ""],
  ])("a key that is %s is a 400 problem and runs nothing", async (_, key) => {
    const user = await s.learner();
    const { id } = await s.course();
    const res = await s.post(user, { course_id: id }, key);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ type: "/api/v1/problems/bad-request" });
    expect(s.state.handlerRuns).toBe(0);
  });

  it("the expire job deletes only rows past their expiry", async () => {
    const user = await s.learner();
    const { id } = await s.course();
    const start = s.state.clock;
    await s.post(user, { course_id: id }, "expire-old");
    s.state.clock = start + 2 * 60 * 60 * 1000;
    await s.post(user, { course_id: id }, "expire-young");

    const handler = expireIdempotencyKeysHandler({
      db: s.world.db,
      logger: { info: () => {} },
      now: () => new Date(start + TTL_MS + 60 * 60 * 1000),
    });
    await handler.handle({}, { jobId: "test", attempt: 0, signal: new AbortController().signal });
    expect(await s.storedKey(user, "expire-old")).toHaveLength(0);
    expect(await s.storedKey(user, "expire-young")).toHaveLength(1);
  });
});
