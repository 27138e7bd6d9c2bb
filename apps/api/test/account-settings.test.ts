import { users } from "@lumen/db";
import { firstLink } from "@lumen/tools/mailbox";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cookieHeader, createTestApp, json, signUp, type TestApp, userIdOf } from "./harness";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.database.close());

const PASSWORD = "correct-horse-battery";
const post = (path: string, body: unknown, cookie: string) =>
  t.app.request(`/api/auth/${path}`, json(body, { cookie }));
const signIn = (email: string, password = PASSWORD) =>
  t.app.request("/api/auth/sign-in/email", json({ email, password }));
const freshSession = async (cookie: string) =>
  (
    await t.app.request("/api/auth/get-session?disableCookieCache=true", { headers: { cookie } })
  ).json();
const userRow = async (email: string) => {
  const id = await userIdOf(t, email);
  const [row] = await t.database.db.select().from(users).where(eq(users.id, id));
  return row;
};

describe("change password", () => {
  it("needs the current password, then signs out the other sessions but not this one", async () => {
    const email = "changer@test.lumen.dev";
    const here = await signUp(t, email);
    const elsewhere = cookieHeader(await signIn(email));
    const wrong = await post(
      "change-password",
      { currentPassword: "not-my-password-1", newPassword: "quiet-river-stone-88" },
      here,
    );
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ code: "INVALID_PASSWORD" });

    const changed = await post(
      "change-password",
      {
        currentPassword: PASSWORD,
        newPassword: "quiet-river-stone-88",
        revokeOtherSessions: false,
      },
      here,
    );
    expect(changed.status).toBe(200);
    // This device carries on with the session the answer set; the other one is gone.
    expect(await freshSession(cookieHeader(changed))).toMatchObject({ user: { email } });
    expect(await freshSession(elsewhere)).toBeNull();
    expect((await signIn(email)).status).toBe(401);
    expect((await signIn(email, "quiet-river-stone-88")).status).toBe(200);
  });

  it("repeated wrong current passwords are slowed down like sign-in guesses", async () => {
    const cookie = await signUp(t, "guessed@test.lumen.dev");
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const body = { currentPassword: `guess-number-${i}`, newPassword: "quiet-river-stone-88" };
      statuses.push((await post("change-password", body, cookie)).status);
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
  });
});

describe("change email", () => {
  it("needs the current password", async () => {
    const cookie = await signUp(t, "mover@test.lumen.dev");
    const missing = await post("change-email", { newEmail: "moved@test.lumen.dev" }, cookie);
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ code: "CURRENT_PASSWORD_REQUIRED" });
    const wrong = await post(
      "change-email",
      { newEmail: "moved@test.lumen.dev", currentPassword: "not-my-password-1" },
      cookie,
    );
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ code: "INVALID_PASSWORD" });
    expect((await userRow("mover@test.lumen.dev"))?.email).toBe("mover@test.lumen.dev");
  });

  it("mails the new address (and tells the old one), switching only once the link is opened", async () => {
    const old = "before@test.lumen.dev";
    const next = "after@test.lumen.dev";
    const cookie = await signUp(t, old);
    const asked = await post(
      "change-email",
      { newEmail: next, currentPassword: PASSWORD, callbackURL: "/settings/account?email=changed" },
      cookie,
    );
    expect(asked.status).toBe(200);
    const mail = await t.mailbox.waitFor(next, { subject: /confirm your new email/i });
    // The current address is told, with nothing changed yet.
    const notice = await t.mailbox.waitFor(old, { subject: /change of your lumen email/i });
    expect(notice.text).toContain(next);
    // Not switched yet: the old address still signs in, the new one does not.
    expect((await signIn(old)).status).toBe(200);
    expect((await signIn(next)).status).toBe(401);

    const link = firstLink(mail);
    const opened = await t.app.request(`${link.pathname}${link.search}`, { headers: { cookie } });
    expect(opened.status).toBe(302);
    expect(opened.headers.get("location")).toBe("/settings/account?email=changed");
    expect((await signIn(next)).status).toBe(200);
    expect((await signIn(old)).status).toBe(401);
  });

  it("an address that already has an account gets no mail and the same answer", async () => {
    await signUp(t, "occupied@test.lumen.dev");
    const cookie = await signUp(t, "wanderer@test.lumen.dev");
    const body = (newEmail: string) => ({ newEmail, currentPassword: PASSWORD });
    const taken = await post("change-email", body("occupied@test.lumen.dev"), cookie);
    const free = await post("change-email", body("free-address@test.lumen.dev"), cookie);
    expect([taken.status, free.status]).toEqual([200, 200]);
    expect(await taken.json()).toEqual(await free.json());
    await t.mailbox.waitFor("free-address@test.lumen.dev", { subject: /new email/i });
    const toOccupied = t.mailbox.received.filter((m) => m.to.includes("occupied@test.lumen.dev"));
    expect(toOccupied.map((m) => m.subject)).not.toContainEqual(
      expect.stringMatching(/new email/i),
    );
  });
});

describe("sign out of all devices", () => {
  it("ends every session, this one included", async () => {
    const email = "everywhere@test.lumen.dev";
    const laptop = await signUp(t, email);
    const phone = cookieHeader(await signIn(email));
    expect((await post("revoke-sessions", {}, laptop)).status).toBe(200);
    expect(await freshSession(laptop)).toBeNull();
    expect(await freshSession(phone)).toBeNull();
    // Signing out afterwards still clears this browser's cookies.
    const out = await post("sign-out", {}, laptop);
    expect(out.status).toBe(200);
  });
});

describe("profile", () => {
  it("stores the certificate name, language and time zone", async () => {
    const email = "profiled@test.lumen.dev";
    const cookie = await signUp(t, email);
    const res = await post(
      "update-user",
      { name: "  Amina Haddad  ", locale: "ar", timeZone: "Africa/Casablanca" },
      cookie,
    );
    expect(res.status).toBe(200);
    expect(await userRow(email)).toMatchObject({
      name: "Amina Haddad",
      locale: "ar",
      timeZone: "Africa/Casablanca",
    });
    expect(await freshSession(cookie)).toMatchObject({
      user: { name: "Amina Haddad", locale: "ar", timeZone: "Africa/Casablanca" },
    });
  });

  it("refuses an unknown time zone, a language we do not ship, and an empty name", async () => {
    const email = "careful@test.lumen.dev";
    const cookie = await signUp(t, email);
    const before = await userRow(email);
    const cases = [
      [{ timeZone: "Mars/Olympus_Mons" }, "INVALID_TIME_ZONE"],
      [{ locale: "fr" }, "INVALID_LOCALE"],
      [{ locale: "not a tag" }, "INVALID_LOCALE"],
      [{ name: "   " }, "INVALID_NAME"],
    ] as const;
    for (const [body, code] of cases) {
      const res = await post("update-user", body, cookie);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code });
    }
    expect(await userRow(email)).toEqual(before);
  });

  it("cannot change the email or role through the profile", async () => {
    const email = "sneaky@test.lumen.dev";
    const cookie = await signUp(t, email);
    await post("update-user", { email: "hijack@test.lumen.dev", role: "admin" }, cookie);
    expect(await userRow(email)).toMatchObject({ email, role: "learner" });
  });
});
