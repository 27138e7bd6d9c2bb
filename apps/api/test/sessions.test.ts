import { setUserRole } from "@lumen/core/users";
import { sessions, users } from "@lumen/db";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import {
  cookieHeader,
  createTestApp,
  json,
  signUp,
  signUpInstructor,
  type TestApp,
  trpcData,
  userIdOf,
} from "./harness";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.database.close());
afterEach(() => {
  vi.useRealTimers();
});

const myCourses = (cookie: string) =>
  t.app.request(`/trpc/authoring.myCourses?input=${encodeURIComponent("{}")}`, {
    headers: { cookie },
  });
const myEnrollments = (cookie: string) =>
  t.app.request("/trpc/enrollment.mine", { headers: { cookie } });
const getSession = (cookie: string) =>
  t.app.request("/api/auth/get-session", { headers: { cookie } });
const signOut = (cookie: string) => t.app.request("/api/auth/sign-out", json({}, { cookie }));

describe("sign-out and revocation", () => {
  it("a copied cookie stops working within 30 s of sign-out, and at once for staff work", async () => {
    // Controls Date only: better-auth's cookie cache and the session memo read the clock.
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = Date.now();
    const { cookie } = await signUpInstructor(t, "copied@test.lumen.dev");
    const copy = cookie;
    expect((await myCourses(copy)).status).toBe(200);
    expect((await signOut(cookie)).status).toBe(200);

    // Privileged procedures ask the database: refused immediately.
    expect((await myCourses(copy)).status).toBe(401);

    // The worst case for everything else: the signed cookie cache (15 s) is about to expire
    // when the tRPC memo (15 s) takes the session in, so the copy still works here…
    vi.setSystemTime(start + 14_999);
    expect((await myEnrollments(copy)).status).toBe(200);
    // …and nowhere past 30 s after sign-out.
    vi.setSystemTime(start + 30_001);
    expect((await myEnrollments(copy)).status).toBe(401);
    expect(await (await getSession(copy)).json()).toBeNull();
  });

  it("a role changed in the database applies to instructor procedures on the next call", async () => {
    const { cookie, id } = await signUpInstructor(t, "demoted@test.lumen.dev");
    expect((await myCourses(cookie)).status).toBe(200);
    await t.database.db.update(users).set({ role: "learner" }).where(eq(users.id, id));
    expect((await myCourses(cookie)).status).toBe(403);
  });

  it("changing a role signs the user out everywhere; their next sign-in carries the new role", async () => {
    const learnerCookie = await signUp(t, "promoted@test.lumen.dev");
    const learnerId = await userIdOf(t, "promoted@test.lumen.dev");
    const { cookie: adminCookie, id: adminId } = await signUpInstructor(t, "boss@test.lumen.dev");
    await setUserRole(t.database.db, adminId, "admin");
    const admin = await t.app.request(
      "/api/auth/sign-in/email",
      json({ email: "boss@test.lumen.dev", password: "correct-horse-battery" }),
    );
    expect(admin.status).toBe(200);
    expect((await myCourses(adminCookie)).status).toBe(401);

    const changed = await t.app.request(
      "/trpc/users.changeRole",
      json({ userId: learnerId, role: "instructor" }, { cookie: cookieHeader(admin) }),
    );
    const result = await trpcData(
      changed,
      z.object({ role: z.string(), sessionsRevoked: z.number() }),
    );
    expect(result).toEqual({ role: "instructor", sessionsRevoked: 1 });
    // The old session is gone: staff work is refused at once (everything else within 30 s).
    expect((await myCourses(learnerCookie)).status).toBe(401);
    const fresh = await t.app.request("/api/auth/get-session?disableCookieCache=true", {
      headers: { cookie: learnerCookie },
    });
    expect(await fresh.json()).toBeNull();

    const again = await t.app.request(
      "/api/auth/sign-in/email",
      json({ email: "promoted@test.lumen.dev", password: "correct-horse-battery" }),
    );
    expect((await myCourses(cookieHeader(again))).status).toBe(200);
  });

  it("only admins change roles", async () => {
    const cookie = await signUp(t, "upstart@test.lumen.dev");
    const id = await userIdOf(t, "upstart@test.lumen.dev");
    const res = await t.app.request(
      "/trpc/users.changeRole",
      json({ userId: id, role: "admin" }, { cookie }),
    );
    expect(res.status).toBe(403);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, id));
    expect(row?.role).toBe("learner");
  });
});

describe("session tokens stay out of page JavaScript", () => {
  it("no auth JSON body carries the session token, though the cookies still work", async () => {
    await signUp(t, "tokens@test.lumen.dev");
    const signIn = await t.app.request(
      "/api/auth/sign-in/email",
      json({ email: "tokens@test.lumen.dev", password: "correct-horse-battery" }),
    );
    const cookie = cookieHeader(signIn);
    const bodies = [
      await signIn.text(),
      await (await getSession(cookie)).text(),
      await (await t.app.request("/api/auth/list-sessions", { headers: { cookie } })).text(),
    ];
    const tokens = await t.database.db
      .select({ token: sessions.token })
      .from(sessions)
      .where(eq(sessions.userId, await userIdOf(t, "tokens@test.lumen.dev")));
    expect(tokens.length).toBeGreaterThan(0);
    for (const body of bodies) {
      for (const { token } of tokens) expect(body).not.toContain(token);
      expect(body).not.toMatch(/"token"/);
    }
    expect(JSON.parse(bodies[1] ?? "null")).toMatchObject({
      user: { email: "tokens@test.lumen.dev" },
    });
  });
});
