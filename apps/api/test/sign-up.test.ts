import { users } from "@lumen/db";
import { firstLink } from "@lumen/tools/mailbox";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cookieHeader,
  createTestApp,
  json,
  openVerificationLink,
  signUp,
  type TestApp,
} from "./harness";

let t: TestApp;

// The production body limit, so a 100,000-character name reaches the name rule.
beforeAll(async () => {
  t = await createTestApp({ MAX_BODY_BYTES: String(1024 * 1024) });
});
afterAll(() => t.database.close());

const PASSWORD = "correct-horse-battery";
const signUpAs = (body: Record<string, unknown>) =>
  t.app.request("/api/auth/sign-up/email", json(body));
const signIn = (email: string, password = PASSWORD) =>
  t.app.request("/api/auth/sign-in/email", json({ email, password }));
const usersWith = (email: string) =>
  t.database.db.select().from(users).where(eq(users.email, email));

describe("sign-up does not reveal who has an account", () => {
  it("answers a new and an existing address alike; the owner gets a mail instead", async () => {
    const email = "taken@test.lumen.dev";
    const first = await signUpAs({ name: "Owner", email, password: PASSWORD });
    await openVerificationLink(t, email);
    const second = await signUpAs({ name: "Intruder", email, password: "another-password-9" });

    expect([first.status, second.status]).toEqual([200, 200]);
    expect(await second.json()).toEqual({ status: "check-your-inbox" });
    expect(await first.json()).toEqual({ status: "check-your-inbox" });
    expect(second.headers.getSetCookie()).toEqual([]);
    const notice = await t.mailbox.waitFor(email, { subject: /already have/i });
    expect(firstLink(notice).pathname).toBe("/sign-in");
    // Still one account, with its owner's name and password.
    expect((await usersWith(email)).map((u) => u.name)).toEqual(["Owner"]);
    expect((await signIn(email)).status).toBe(200);
    expect((await signIn(email, "another-password-9")).status).toBe(401);
  });
});

describe("email verification", () => {
  it("an unverified account is told so at sign-in and can have the link sent again", async () => {
    const email = "unverified@test.lumen.dev";
    expect((await signUpAs({ name: "Una", email, password: PASSWORD })).status).toBe(200);
    const refused = await signIn(email);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: "EMAIL_NOT_VERIFIED" });
    // The wrong password learns nothing about verification.
    expect((await signIn(email, "not-the-password-1")).status).toBe(401);

    await t.mailbox.waitFor(email, { subject: /confirm/i });
    const before = t.mailbox.received.filter((m) => m.to.includes(email)).length;
    const resend = await t.app.request(
      "/api/auth/send-verification-email",
      json({ email, callbackURL: "/sign-in?verified=1" }),
    );
    expect(resend.status).toBe(200);
    const mails = t.mailbox.received.filter((m) => m.to.includes(email));
    expect(mails.length).toBe(before + 1);
    const link = firstLink(mails.at(-1) ?? { to: [], subject: "", text: "", html: "" });
    const opened = await t.app.request(`${link.pathname}${link.search}`);
    expect(opened.status).toBe(302);
    expect(opened.headers.get("location")).toBe("/sign-in?verified=1");
    const session = await t.app.request("/api/auth/get-session", {
      headers: { cookie: cookieHeader(opened) },
    });
    expect(await session.json()).toMatchObject({ user: { email, emailVerified: true } });
  });
});

describe("names", () => {
  it("sign-up refuses names that are empty, longer than 100 characters or carry control characters", async () => {
    const cases = [
      "",
      "   ",
      "x".repeat(100_000),
      "a".repeat(101),
      "Ada\u0007",
      "Ada\u0085",
      "\ud800",
    ];
    for (const [i, name] of cases.entries()) {
      const email = `bad-name-${i}@test.lumen.dev`;
      const res = await signUpAs({ name, email, password: PASSWORD });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: "INVALID_NAME" });
      expect(await usersWith(email)).toEqual([]);
    }
    expect(t.mailbox.received.some((m) => m.to[0]?.startsWith("bad-name-"))).toBe(false);
  });

  it("a name of 100 characters is fine, stored trimmed", async () => {
    const name = `  ${"é".repeat(100)}  `;
    expect(
      (await signUpAs({ name, email: "long@test.lumen.dev", password: PASSWORD })).status,
    ).toBe(200);
    expect((await usersWith("long@test.lumen.dev"))[0]?.name).toBe("é".repeat(100));
  });

  it("updating the name follows the same rule and changes nothing when refused", async () => {
    const cookie = await signUp(t, "renamer@test.lumen.dev");
    const update = (name: string) =>
      t.app.request("/api/auth/update-user", json({ name }, { cookie }));
    const huge = await update("x".repeat(100_000));
    expect(huge.status).toBe(400);
    expect(await huge.json()).toMatchObject({ code: "INVALID_NAME" });
    expect((await usersWith("renamer@test.lumen.dev"))[0]?.name).toBe("Test Learner");
    expect((await update("  Ada Lovelace ")).status).toBe(200);
    expect((await usersWith("renamer@test.lumen.dev"))[0]?.name).toBe("Ada Lovelace");
  });
});

describe("time zone and language at sign-up", () => {
  it("the browser's zone and language are kept, the language in canonical form", async () => {
    const email = "tokyo@test.lumen.dev";
    const res = await signUpAs({
      name: "Kenji",
      email,
      password: PASSWORD,
      timeZone: "Asia/Tokyo",
      locale: "ja-jp",
    });
    expect(res.status).toBe(200);
    const [user] = await usersWith(email);
    expect([user?.timeZone, user?.locale]).toEqual(["Asia/Tokyo", "ja-JP"]);
  });

  it("a zone or language that is not one is refused, and no account is made", async () => {
    const cases = [
      { timeZone: "Mars/Olympus_Mons", code: "INVALID_TIME_ZONE" },
      { timeZone: "UTC\u0000", code: "INVALID_TIME_ZONE" },
      { timeZone: 42, code: "INVALID_TIME_ZONE" },
      { locale: "not a language", code: "INVALID_LOCALE" },
    ];
    for (const [i, { code, ...place }] of cases.entries()) {
      const email = `bad-place-${i}@test.lumen.dev`;
      const res = await signUpAs({ name: "Ada", email, password: PASSWORD, ...place });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code });
      expect(await usersWith(email)).toEqual([]);
    }
  });

  it("without them the account has none yet (UTC and English until chosen)", async () => {
    const email = "nowhere@test.lumen.dev";
    expect((await signUpAs({ name: "Ada", email, password: PASSWORD })).status).toBe(200);
    const [user] = await usersWith(email);
    expect([user?.timeZone, user?.locale]).toEqual([null, null]);
  });
});

describe("passwords", () => {
  it("common passwords are refused with a message, whatever their case", async () => {
    for (const password of ["password1", "Sunshine", "QWERTY123"]) {
      const email = `common-${password.toLowerCase()}@test.lumen.dev`;
      const res = await signUpAs({ name: "Common", email, password });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({
        code: "PASSWORD_TOO_COMMON",
        message: expect.stringMatching(/most common/),
      });
      expect(await usersWith(email)).toEqual([]);
    }
  });

  it("changing to a common password is refused too", async () => {
    const cookie = await signUp(t, "changer@test.lumen.dev");
    const res = await t.app.request(
      "/api/auth/change-password",
      json({ currentPassword: PASSWORD, newPassword: "iloveyou" }, { cookie }),
    );
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: "PASSWORD_TOO_COMMON" });
    expect((await signIn("changer@test.lumen.dev")).status).toBe(200);
  });
});
