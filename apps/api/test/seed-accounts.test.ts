import { DEMO_USERS, seed } from "@lumen/db/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { cookieHeader, createTestApp, json, type TestApp } from "./harness";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await seed(t.database.db, { courses: 1 });
});
afterAll(() => t.database.close());

const session = z.object({ user: z.object({ email: z.string(), role: z.string() }) });

describe("seeded demo accounts", () => {
  it.each(DEMO_USERS)("$email signs in with the README's password as a $role", async (demo) => {
    const res = await t.app.request(
      "/api/auth/sign-in/email",
      json({ email: demo.email, password: demo.password }),
    );
    expect(res.status).toBe(200);
    const current = await t.app.request("/api/auth/get-session?disableCookieCache=true", {
      headers: { cookie: cookieHeader(res) },
    });
    expect(session.parse(await current.json()).user).toMatchObject({
      email: demo.email,
      role: demo.role,
    });
  });

  it("a wrong password is refused for a seeded account", async () => {
    const [demo] = DEMO_USERS;
    const res = await t.app.request(
      "/api/auth/sign-in/email",
      json({ email: demo?.email, password: `${demo?.password}-wrong` }),
    );
    expect(res.status).toBe(401);
  });
});
