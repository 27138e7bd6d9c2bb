import { firstLink } from "@lumen/tools/mailbox";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { RESET_LINK_SECONDS } from "../src/auth";
import { cookieHeader, createTestApp, json, signUp, type TestApp } from "./harness";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.database.close());
afterEach(() => {
  vi.useRealTimers();
});

const PASSWORD = "correct-horse-battery";
const NEW_PASSWORD = "lantern-orbit-meadow-42";
const requestReset = (email: string) =>
  t.app.request("/api/auth/request-password-reset", json({ email }));
const resetPassword = (token: string, newPassword = NEW_PASSWORD) =>
  t.app.request("/api/auth/reset-password", json({ token, newPassword }));
const signIn = (email: string, password: string) =>
  t.app.request("/api/auth/sign-in/email", json({ email, password }));
const freshSession = async (cookie: string) =>
  (
    await t.app.request("/api/auth/get-session?disableCookieCache=true", { headers: { cookie } })
  ).json();

/** The token of the reset link mailed to `email`, read from the link as a person would. */
async function mailedResetToken(email: string) {
  const mail = await t.mailbox.waitFor(email, { subject: /reset your lumen password/i });
  const link = firstLink(mail);
  expect(`${link.origin}${link.pathname}`).toBe(`${t.env.WEB_ORIGIN}/reset-password`);
  return link.searchParams.get("token") ?? "";
}

describe("password reset by email", () => {
  it("the mailed link sets a new password once and signs out every session", async () => {
    const email = "forgetful@test.lumen.dev";
    const laptop = await signUp(t, email);
    const phone = cookieHeader(await signIn(email, PASSWORD));
    expect((await requestReset(email)).status).toBe(200);
    const token = await mailedResetToken(email);

    expect((await resetPassword(token)).status).toBe(200);
    expect(await freshSession(laptop)).toBeNull();
    expect(await freshSession(phone)).toBeNull();
    expect((await signIn(email, PASSWORD)).status).toBe(401);
    expect((await signIn(email, NEW_PASSWORD)).status).toBe(200);

    // The link is single-use.
    const again = await resetPassword(token, "another-fresh-password-7");
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ code: "INVALID_TOKEN" });
    expect((await signIn(email, NEW_PASSWORD)).status).toBe(200);
  });

  it("an expired link is refused and the old password keeps working", async () => {
    const email = "slow-reader@test.lumen.dev";
    await signUp(t, email);
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = Date.now();
    await requestReset(email);
    const token = await mailedResetToken(email);
    vi.setSystemTime(start + RESET_LINK_SECONDS * 1000 + 1000);
    const late = await resetPassword(token);
    expect(late.status).toBe(400);
    expect(await late.json()).toMatchObject({ code: "INVALID_TOKEN" });
    vi.useRealTimers();
    expect((await signIn(email, PASSWORD)).status).toBe(200);
  });

  it("an unknown address gets the same answer as a known one, and no mail", async () => {
    const known = "known@test.lumen.dev";
    await signUp(t, known);
    const forKnown = await requestReset(known);
    const forUnknown = await requestReset("nobody-here@test.lumen.dev");
    expect(forUnknown.status).toBe(forKnown.status);
    expect(await forUnknown.json()).toEqual(await forKnown.json());
    await mailedResetToken(known);
    expect(t.mailbox.received.some((m) => m.to.includes("nobody-here@test.lumen.dev"))).toBe(false);
  });

  it("the new password follows sign-up's rules", async () => {
    const email = "weak-choice@test.lumen.dev";
    await signUp(t, email);
    await requestReset(email);
    const token = await mailedResetToken(email);
    const common = await resetPassword(token, "password123");
    expect(common.status).toBe(400);
    expect(await common.json()).toMatchObject({ code: "PASSWORD_TOO_COMMON" });
    const short = await resetPassword(token, "short");
    expect(short.status).toBe(400);
    // Refused before the token is spent: the same link still works with a good password.
    expect((await resetPassword(token)).status).toBe(200);
  });

  it("reset requests for one account are limited, known or not, with Retry-After", async () => {
    t.setClientIp("203.0.113.77");
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await requestReset("flooded@test.lumen.dev")).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await requestReset("flooded@test.lumen.dev");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another account from the same address is still served.
    expect((await requestReset("someone-else@test.lumen.dev")).status).toBe(200);
    t.setClientIp("198.51.100.1");
  });
});
