import { createCourse, createUser } from "@lumen/core/testing";
import { enrollments, users } from "@lumen/db";
import { firstLink } from "@lumen/tools/mailbox";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  createTestApp,
  json,
  signUp,
  type TestApp,
  trpcData,
  trpcError,
  WEB_ORIGIN,
} from "./harness";

let t: TestApp;
let courseId: string;

beforeAll(async () => {
  t = await createTestApp();
  const instructor = await createUser(t.database.db, "instructor", { name: "Ines" });
  const course = await createCourse(t.database.db, instructor, {
    slug: "http-course",
    title: "HTTP course",
  });
  courseId = course.id;
});
afterAll(() => t.database.close());

const enrollRows = () =>
  t.database.db.select().from(enrollments).where(eq(enrollments.courseId, courseId));

describe("health", () => {
  it("healthz answers without touching the database and readyz checks it", async () => {
    expect(await (await t.app.request("/healthz")).json()).toEqual({ status: "ok" });
    const ready = await t.app.request("/readyz");
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });
  });

  it("every response carries a request id that the JSON access log repeats", async () => {
    const res = await t.app.request("/healthz");
    const id = res.headers.get("x-request-id");
    expect(id).toBeTruthy();
    expect(t.logs).toContainEqual(
      expect.objectContaining({ msg: "request", requestId: id, path: "/healthz", status: 200 }),
    );
  });

  it("unknown routes are a JSON 404", async () => {
    const res = await t.app.request("/nope");
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
  });
});

describe("auth and enrollment over HTTP", () => {
  it("a new sign-up is a learner whatever role it asks for, with a safe session cookie", async () => {
    const res = await t.app.request(
      "/api/auth/sign-up/email",
      json({
        name: "Mallory",
        email: "mallory@test.lumen.dev",
        password: "correct-horse-battery",
        role: "admin",
      }),
    );
    const [row] = await t.database.db
      .select()
      .from(users)
      .where(eq(users.email, "mallory@test.lumen.dev"));
    // The requested role is ignored (better-auth's input:false), not an error: the sign-up
    // answers as any other, and the stored account is a learner.
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "check-your-inbox" });
    expect(row).toMatchObject({ role: "learner", emailVerified: false });
    // No session before the emailed link is opened; the link sets the session cookie.
    expect(res.headers.getSetCookie()).toEqual([]);
    const link = firstLink(await t.mailbox.waitFor("mallory@test.lumen.dev"));
    const verified = await t.app.request(`${link.pathname}${link.search}`);
    expect(verified.status).toBe(302);
    const cookie = verified.headers
      .getSetCookie()
      .find((c) => c.startsWith("better-auth.session_token="));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const [after] = await t.database.db
      .select({ role: users.role, emailVerified: users.emailVerified })
      .from(users)
      .where(eq(users.email, "mallory@test.lumen.dev"));
    expect(after).toEqual({ role: "learner", emailVerified: true });
  });

  it("a signed-in learner enrolls through tRPC and gets the same id twice", async () => {
    const cookie = await signUp(t, "leo@test.lumen.dev");
    const call = () => t.app.request("/trpc/enrollment.enroll", json({ courseId }, { cookie }));
    const enrolled = z.object({ enrollmentId: z.uuid() });
    const first = await trpcData(await call(), enrolled);
    const second = await trpcData(await call(), enrolled);
    expect(second.enrollmentId).toBe(first.enrollmentId);
    expect(await enrollRows()).toHaveLength(1);
  });

  it("unauthenticated enroll is a 401 and writes nothing", async () => {
    const before = (await enrollRows()).length;
    const res = await t.app.request("/trpc/enrollment.enroll", json({ courseId }));
    expect(res.status).toBe(401);
    expect((await trpcError(res)).data.code).toBe("UNAUTHORIZED");
    expect(await enrollRows()).toHaveLength(before);
  });

  it("a malformed id is a 400 naming the field; an unknown course is a 404", async () => {
    const cookie = await signUp(t, "ana@test.lumen.dev");
    const bad = await t.app.request(
      "/trpc/enrollment.enroll",
      json({ courseId: "42" }, { cookie }),
    );
    expect(bad.status).toBe(400);
    expect((await trpcError(bad)).data.fieldErrors).toHaveProperty("courseId");
    const missing = await t.app.request(
      "/trpc/enrollment.enroll",
      json({ courseId: "00000000-0000-4000-8000-000000000000" }, { cookie }),
    );
    expect(missing.status).toBe(404);
  });

  it("an oversized body is refused with 413 before anything is written", async () => {
    const cookie = await signUp(t, "big@test.lumen.dev");
    const before = (await enrollRows()).length;
    const res = await t.app.request(
      "/trpc/enrollment.enroll",
      json({ courseId, pad: "x".repeat(10_000) }, { cookie }),
    );
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
    expect(await enrollRows()).toHaveLength(before);
  });
});

describe("transport limits", () => {
  it("batches larger than the configured size are rejected", async () => {
    const paths = Array.from({ length: 11 }, () => "catalog.list").join(",");
    const res = await t.app.request(`/trpc/${paths}?batch=1&input={}`);
    expect(res.status).toBe(400);
    const input = encodeURIComponent(JSON.stringify({ 0: {}, 1: {} }));
    const ok = await t.app.request(`/trpc/catalog.list,catalog.list?batch=1&input=${input}`);
    expect(ok.status).toBe(200);
  });

  it("CORS allows the web origin with credentials and nobody else", async () => {
    const preflight = (origin: string) =>
      t.app.request("/trpc/catalog.list", {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "POST" },
      });
    const allowed = await preflight(WEB_ORIGIN);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(WEB_ORIGIN);
    expect(allowed.headers.get("access-control-allow-credentials")).toBe("true");
    const denied = await preflight("https://evil.example");
    expect(denied.headers.get("access-control-allow-origin")).not.toBe("https://evil.example");
  });
});
