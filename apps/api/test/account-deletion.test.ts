import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { sendEmailsHandler } from "../src/jobs/email";
import { createLogger } from "../src/logger";
import { createMailer } from "../src/mailer";
import {
  cookieHeader,
  createTestApp,
  json,
  signUp,
  type TestApp,
  trpcData,
  trpcError,
} from "./harness";

// Account deletion over HTTP with the real better-auth: the password is checked by its hash and
// counted like a sign-in; the request ends every session; signing in again during the grace
// period is allowed, shows the pending deletion and can cancel it; the mail says how.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.database.close());

const PASSWORD = "correct-horse-battery";
const deletionView = z.object({ id: z.uuid(), state: z.string(), scheduledFor: z.string() });
const signIn = (email: string) =>
  t.app.request("/api/auth/sign-in/email", json({ email, password: PASSWORD }));
const requestDeletion = (cookie: string, password: string) =>
  t.app.request("/trpc/privacy.requestDeletion", json({ password }, { cookie }));
const deletion = (cookie: string) =>
  t.app.request("/trpc/privacy.deletion", { headers: { cookie } });

describe("deleting an account over HTTP", () => {
  it("a wrong password is a 400 that changes nothing; repeated guesses are slowed like sign-ins", async () => {
    const cookie = await signUp(t, "guesser@delete.test");
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await requestDeletion(cookie, `guess-${i}`)).status);
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
    const still = await deletion(cookie);
    expect(still.status).toBe(200);
    expect(await trpcData(still, z.null())).toBeNull();
  });

  it("the right password schedules it, signs out, mails how to cancel; signing in again can cancel", async () => {
    const email = "leaver@delete.test";
    const cookie = await signUp(t, email);
    const res = await requestDeletion(cookie, PASSWORD);
    expect(res.status).toBe(200);
    const requested = await trpcData(res, deletionView);
    expect(requested.state).toBe("pending");

    const signedOut = await t.app.request("/api/auth/get-session?disableCookieCache=true", {
      headers: { cookie },
    });
    expect(await signedOut.json()).toBeNull();
    // The email.send job, as the runner runs it every minute.
    const logger = createLogger({ level: "error", write: () => {} });
    const mailer = createMailer({ env: t.env, logger });
    await sendEmailsHandler({
      db: t.database.db,
      env: t.env,
      logger,
      transport: { send: (message) => mailer.send(message) },
    }).handle({}, { jobId: "test", attempt: 0, signal: new AbortController().signal });
    const mail = await t.mailbox.waitFor(email, { subject: /will be deleted/i });
    expect(mail.text).toContain("Cancel deletion");

    const again = await signIn(email);
    expect(again.status).toBe(200);
    const back = cookieHeader(again);
    expect(await trpcData(await deletion(back), deletionView)).toMatchObject({
      id: requested.id,
      state: "pending",
    });
    const cancelled = await t.app.request(
      "/trpc/privacy.cancelDeletion",
      json({}, { cookie: back }),
    );
    expect(await trpcData(cancelled, deletionView)).toMatchObject({ state: "cancelled" });
    const twice = await t.app.request("/trpc/privacy.cancelDeletion", json({}, { cookie: back }));
    expect(twice.status).toBe(409);
    expect((await trpcError(twice)).message).toContain("no pending deletion");
  });
});
