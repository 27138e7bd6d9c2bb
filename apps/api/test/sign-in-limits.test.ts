import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestApp, json, openVerificationLink, type TestApp } from "./harness";

let t: TestApp;
const PASSWORD = "correct-horse-battery";

// TRUST_PROXY=true: each request names its client address in X-Forwarded-For, so one test
// can play a whole classroom behind one NAT and strangers elsewhere. The address budget is
// 10 instead of 100 failures: every failure costs a password hash, slow on a busy machine.
const ADDRESS_BUDGET = 10;
beforeAll(async () => {
  t = await createTestApp(
    { TRUST_PROXY: "true" },
    { signInPolicy: { addressBudget: ADDRESS_BUDGET } },
  );
});
afterAll(() => t.database.close());
afterEach(() => {
  vi.useRealTimers();
});

const from = (address: string) => ({ "x-forwarded-for": address });
const signIn = (address: string, email: string, password = PASSWORD) =>
  t.app.request("/api/auth/sign-in/email", json({ email, password }, from(address)));

async function signUpFrom(address: string, email: string) {
  const res = await t.app.request(
    "/api/auth/sign-up/email",
    json({ name: "Classmate", email, password: PASSWORD }, from(address)),
  );
  expect(res.status).toBe(200);
  await openVerificationLink(t, email);
}

/** Signs up `count` learners, a few at a time, each from an address of its own. */
async function classroom(prefix: string, count: number) {
  const emails = Array.from({ length: count }, (_, i) => `${prefix}-${i}@test.lumen.dev`);
  for (let i = 0; i < count; i += 6) {
    await Promise.all(
      emails.slice(i, i + 6).map((email, j) => signUpFrom(`192.0.2.${i + j + 1}`, email)),
    );
  }
  return emails;
}

describe("sign-in limits", () => {
  // Sixty password hashes: slow when the machine is busy, hence the timeout.
  it("thirty learners behind one address all sign in", { timeout: 240_000 }, async () => {
    const emails = await classroom("class", 30);
    const statuses: number[] = [];
    for (const email of emails) statuses.push((await signIn("203.0.113.30", email)).status);
    expect(statuses).toEqual(Array(30).fill(200));
  });

  it("one learner's typos slow that learner alone, not the rest of the room", {
    timeout: 120_000,
  }, async () => {
    const [typist, neighbour] = await classroom("typo", 2);
    const room = "203.0.113.40";
    const typos: number[] = [];
    for (let i = 0; i < 7; i++) {
      typos.push((await signIn(room, typist ?? "", "wrong-password-123")).status);
    }
    expect(typos).toEqual([401, 401, 401, 401, 401, 429, 429]);
    expect((await signIn(room, neighbour ?? "")).status).toBe(200);
    // The same account from elsewhere is not held back by the room's typos.
    expect((await signIn("198.51.100.77", typist ?? "")).status).toBe(200);
    // In the room, the typist waits, told how long, even with the right password now.
    const waiting = await signIn(room, typist ?? "");
    expect(waiting.status).toBe(429);
    expect(Number(waiting.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("the wait doubles with each further failure and Retry-After says how long", {
    timeout: 120_000,
  }, async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const [email = ""] = await classroom("backoff", 1);
    const address = "203.0.113.50";
    for (let i = 0; i < 5; i++)
      expect((await signIn(address, email, "nope-nope-nope")).status).toBe(401);
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      const refused = await signIn(address, email, "nope-nope-nope");
      expect(refused.status).toBe(429);
      const wait = Number(refused.headers.get("retry-after"));
      expect(await refused.json()).toMatchObject({
        code: "TOO_MANY_ATTEMPTS",
        message: `Too many attempts. Try again in ${wait} s.`,
        retryAfter: wait,
      });
      waits.push(wait);
      vi.setSystemTime(Date.now() + wait * 1000);
      expect((await signIn(address, email, "nope-nope-nope")).status).toBe(401);
    }
    expect(waits).toEqual([10, 20, 40]);
    // The right password, once the wait is over, signs in and forgives the typos.
    vi.setSystemTime(Date.now() + 80_000);
    expect((await signIn(address, email)).status).toBe(200);
    expect((await signIn(address, email, "nope-nope-nope")).status).toBe(401);
  });

  it("an address has a larger budget of failures across all accounts", {
    timeout: 120_000,
  }, async () => {
    const address = "203.0.113.60";
    const statuses: number[] = [];
    for (let i = 0; i <= ADDRESS_BUDGET; i++) {
      statuses.push(
        (await signIn(address, `stranger-${i}@test.lumen.dev`, "guess-guess-1")).status,
      );
    }
    expect(statuses.slice(0, ADDRESS_BUDGET)).toEqual(Array(ADDRESS_BUDGET).fill(401));
    expect(statuses[ADDRESS_BUDGET]).toBe(429);
  });
});

describe("sign-up limits", () => {
  it("sign-up attempts are limited per address, with Retry-After", async () => {
    const address = "203.0.113.70";
    const attempt = (i: number) =>
      t.app.request(
        "/api/auth/sign-up/email",
        // Refused as a common password: cheap, and an attempt all the same.
        json(
          { name: "Bot", email: `bot-${i}@test.lumen.dev`, password: "password1" },
          from(address),
        ),
      );
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await attempt(i)).status);
    expect(statuses.every((s) => s === 400)).toBe(true);
    const refused = await attempt(40);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another address signs up as usual.
    await signUpFrom("203.0.113.71", "welcome@test.lumen.dev");
  });
});
