import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { createLogger } from "../logger";
import type { Principal, V1Env } from "./context";
import { ProblemError, problemBody } from "./problem";
import { type RateLimitOptions, rateLimit } from "./rate-limit";

const ann: Principal = {
  user: { id: "user-ann", name: "Ann", email: "ann@test.lumen.dev", role: "learner" },
  scope: "write",
  keyId: null,
};
const annsKey: Principal = { ...ann, keyId: "key-ann-1" };
const bob: Principal = {
  user: { id: "user-bob", name: "Bob", email: "bob@test.lumen.dev", role: "learner" },
  scope: "read",
  keyId: "key-bob-1",
};

/** The limiter over a route that answers 200, or 500 for /boom; the test owns the clock. */
function limited(options: Omit<RateLimitOptions, "now">) {
  let now = 1_000_000;
  let principal = ann;
  const app = new Hono<V1Env>();
  app.onError((error, c) => {
    const problem =
      error instanceof ProblemError
        ? problemBody(error.problemType, error.message)
        : problemBody("internal", "Something went wrong on our side.");
    const headers = error instanceof ProblemError ? (error.extra.headers ?? {}) : {};
    return c.body(JSON.stringify(problem), problem.status as 400, {
      ...headers,
      "Content-Type": "application/problem+json",
    });
  });
  app.use("*", async (c, next) => {
    c.set("principal", principal);
    c.set("requestId", "test");
    c.set("log", createLogger({ write: () => {} }));
    await next();
  });
  app.use("*", rateLimit({ ...options, now: () => now }));
  app.get("/ok", (c) => c.json({ ok: true }));
  app.get("/boom", () => {
    throw new Error("broken");
  });
  return {
    get: (path = "/ok") => app.request(path),
    as: (next: Principal) => {
      principal = next;
    },
    advance: (ms: number) => {
      now += ms;
    },
  };
}

function limits(res: Response) {
  return {
    status: res.status,
    limit: res.headers.get("ratelimit-limit"),
    remaining: res.headers.get("ratelimit-remaining"),
    reset: res.headers.get("ratelimit-reset"),
    policy: res.headers.get("ratelimit-policy"),
    retryAfter: res.headers.get("retry-after"),
  };
}

describe("rate limit on /api/v1", () => {
  it("every answer carries the RateLimit headers, remaining counting down", async () => {
    const api = limited({ limit: 3, windowMs: 60_000 });
    expect(limits(await api.get())).toEqual({
      status: 200,
      limit: "3",
      remaining: "2",
      reset: "20",
      policy: "3;w=60",
      retryAfter: null,
    });
    expect(limits(await api.get())).toMatchObject({ remaining: "1", reset: "40" });
    expect(limits(await api.get())).toMatchObject({ remaining: "0", reset: "60" });
  });

  it("over the limit is 429 rate-limited with Retry-After until one request is allowed", async () => {
    const api = limited({ limit: 3, windowMs: 60_000 });
    for (let i = 0; i < 3; i += 1) await api.get();
    const refused = await api.get();
    expect(limits(refused)).toEqual({
      status: 429,
      limit: "3",
      remaining: "0",
      reset: "60",
      policy: "3;w=60",
      retryAfter: "20",
    });
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    expect(await refused.json()).toMatchObject({ type: "/api/v1/problems/rate-limited" });

    api.advance(19_999);
    expect((await api.get()).status).toBe(429);
    api.advance(1);
    expect(limits(await api.get())).toMatchObject({ status: 200, remaining: "0" });
  });

  it("a refused request does not use up allowance", async () => {
    const api = limited({ limit: 2, windowMs: 10_000 });
    await api.get();
    await api.get();
    for (let i = 0; i < 5; i += 1) expect((await api.get()).status).toBe(429);
    api.advance(5_000);
    expect((await api.get()).status).toBe(200);
  });

  it("the allowance refills steadily: a full window idle restores the whole burst", async () => {
    const api = limited({ limit: 4, windowMs: 60_000 });
    for (let i = 0; i < 4; i += 1) await api.get();
    api.advance(30_000);
    expect(limits(await api.get())).toMatchObject({ status: 200, remaining: "1" });
    api.advance(60_000);
    expect(limits(await api.get())).toMatchObject({ status: 200, remaining: "3" });
  });

  it("callers are counted apart: each API key, else each user", async () => {
    const api = limited({ limit: 1, windowMs: 60_000 });
    expect((await api.get()).status).toBe(200);
    expect((await api.get()).status).toBe(429);
    api.as(annsKey);
    expect((await api.get()).status).toBe(200);
    api.as(bob);
    expect((await api.get()).status).toBe(200);
    expect((await api.get()).status).toBe(429);
  });

  it("error answers carry the headers too", async () => {
    const api = limited({ limit: 5, windowMs: 60_000 });
    expect(limits(await api.get("/boom"))).toMatchObject({ status: 500, remaining: "4" });
  });

  it("memory is bounded: past the cap the longest-quiet caller is forgotten", async () => {
    const api = limited({ limit: 1, windowMs: 60_000, maxCallers: 2 });
    await api.get(); // ann: allowance used
    api.as(annsKey);
    await api.get();
    api.as(bob);
    await api.get(); // a third caller: ann (the oldest) is forgotten
    api.as(ann);
    expect((await api.get()).status).toBe(200);
    api.as(bob);
    expect((await api.get()).status).toBe(429);
  });
});
