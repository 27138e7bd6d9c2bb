import { createUser } from "@lumen/core/testing";
import { enrollments } from "@lumen/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createV1World, type V1World } from "./v1-world";

/**
 * Idempotency-Key and the rate limit as mounted in the real v1 app (authentication → rate
 * limit → scope → idempotency → validation → handler), every answer checked against the
 * generated OpenAPI document. The middleware's own cases are in v1-idempotency.test.ts.
 */
const LIMIT = 30;
let w: V1World;
beforeAll(async () => {
  w = await createV1World({ API_RATE_LIMIT: String(LIMIT) });
});
afterAll(() => w?.close());

async function learner() {
  const user = await createUser(w.db);
  const { token } = await w.keyFor(user);
  return { user, token };
}

const enroll = (token: string, key: string) =>
  w.call("POST", "/enrollments", {
    token,
    body: { course_id: w.course.id },
    headers: { "idempotency-key": key },
  });

describe("Idempotency-Key in the v1 app", () => {
  it("a retried enrollment is replayed: status, body and Location, with the RateLimit headers", async () => {
    const { token } = await learner();
    const first = await enroll(token, "enroll-once");
    expect(first.status).toBe(201);
    const again = await enroll(token, "enroll-once");
    // Without the key the service would answer 200 (already enrolled): this is the replay.
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.res.headers.get("location")).toBe(first.res.headers.get("location"));
    expect(again.res.headers.get("idempotent-replayed")).toBe("true");
    for (const res of [first.res, again.res]) {
      expect(res.headers.get("ratelimit-limit")).toBe(String(LIMIT));
      expect(res.headers.get("ratelimit-policy")).toBe(`${LIMIT};w=60`);
    }
    expect(Number(again.res.headers.get("ratelimit-remaining"))).toBe(LIMIT - 2);
  });

  it("20 parallel enrollments with one key make one enrollment; the rest are 409 or the replay", async () => {
    const { user, token } = await learner();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => enroll(token, "enroll-race")),
    );
    const rows = await w.db.select().from(enrollments).where(eq(enrollments.userId, user.id));
    expect(rows).toHaveLength(1);
    const fresh = answers.filter(
      (a) => a.status === 201 && a.res.headers.get("idempotent-replayed") === null,
    );
    expect(fresh).toHaveLength(1);
    for (const answer of answers) {
      if (answer.status === 409) {
        expect(answer.body).toMatchObject({ type: "/api/v1/problems/idempotency-key-in-use" });
        expect(answer.res.headers.get("retry-after")).toBe("1");
      } else {
        expect(answer).toMatchObject({ status: 201, body: fresh[0]?.body });
      }
    }
  });

  it("a progress PUT with the key of another body is 422 idempotency-key-reused", async () => {
    const { token } = await learner();
    const created = await w.call("POST", "/enrollments", {
      token,
      body: { course_id: w.course.id },
    });
    const enrollmentId = (created.body as { enrollment_id: string }).enrollment_id;
    const put = (watched: number) =>
      w.call("PUT", `/progress/${enrollmentId}/lessons/${w.lessons.text.id}`, {
        token,
        body: { watched_seconds: watched, completed: true },
        headers: { "idempotency-key": "progress-1" },
      });
    const first = await put(0);
    expect(first.status).toBe(200);
    const reused = await put(5);
    expect(reused.status).toBe(422);
    expect(reused.body).toMatchObject({ type: "/api/v1/problems/idempotency-key-reused" });
    const replay = await put(0);
    expect(replay.res.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.body).toEqual(first.body);
  });
});

describe("rate limit in the v1 app", () => {
  it("a caller past API_RATE_LIMIT gets 429 rate-limited with Retry-After; others are unaffected", async () => {
    const { token } = await learner();
    for (let i = 0; i < LIMIT; i += 1) {
      expect((await w.call("GET", "/me", { token })).status).toBe(200);
    }
    const refused = await w.call("GET", "/me", { token });
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ type: "/api/v1/problems/rate-limited" });
    expect(Number(refused.res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(refused.res.headers.get("ratelimit-remaining")).toBe("0");

    const other = await learner();
    expect((await w.call("GET", "/me", { token: other.token })).status).toBe(200);
  });
});
