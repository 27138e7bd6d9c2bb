import { createNotifications } from "@lumen/core/notifications";
import { createUser } from "@lumen/core/testing";
import { emailSends } from "@lumen/db";
import { type MailCatcher, startMailCatcher } from "@lumen/tools/mail-catcher";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendEmailsHandler } from "../src/jobs/email";
import { createLogger } from "../src/logger";
import { createMailer } from "../src/mailer";
import { createTestApp, type TestApp } from "./harness";

let t: TestApp;
let catcher: MailCatcher;
let mailer: ReturnType<typeof createMailer>;
beforeAll(async () => {
  catcher = await startMailCatcher();
  t = await createTestApp({ SMTP_URL: catcher.smtpUrl });
  mailer = createMailer({ env: t.env, logger: createLogger({ level: "error", write: () => {} }) });
});
afterAll(async () => {
  mailer?.close();
  await t?.database.close();
  await catcher?.close();
});

const db = () => t.database.db;
const context = () => ({ jobId: "job-1", attempt: 0, signal: new AbortController().signal });
const relay = () =>
  sendEmailsHandler({
    db: db(),
    env: t.env,
    logger: { info: () => {} },
    transport: { send: (m) => mailer.send(m) },
  }).handle(undefined, context());

describe("the email outbox relay", () => {
  it("two relays at once still send each notification once", async () => {
    const user = await createUser(db(), "learner", { emailVerified: true });
    const titles = Array.from({ length: 6 }, (_, i) => `Reply ${i}`);
    await db().transaction((tx) =>
      createNotifications(
        tx,
        titles.map((title) => ({
          userId: user.id,
          kind: "forum_reply" as const,
          title,
          dedupeKey: `outbox:${title}`,
        })),
      ),
    );
    await Promise.all([relay(), relay(), relay()]);
    const subjects = (await catcher.to(user.email)).map((m) => m.subject).sort();
    expect(subjects).toEqual(titles);
    const statuses = await db()
      .select({ status: emailSends.status })
      .from(emailSends)
      .where(eq(emailSends.userId, user.id));
    expect(statuses.map((s) => s.status)).toEqual(titles.map(() => "sent"));
  });

  it("a send interrupted mid-way is never repeated: it ends failed, and nothing is mailed", async () => {
    const user = await createUser(db(), "learner", { emailVerified: true });
    await db().transaction((tx) =>
      createNotifications(tx, [
        { userId: user.id, kind: "grade", title: "Graded", dedupeKey: "outbox:crash" },
      ]),
    );
    // What a relay that died after claiming the row leaves behind, 20 minutes on.
    await db()
      .update(emailSends)
      .set({ status: "sending", attempts: 1, updatedAt: sql`now() - interval '20 minutes'` })
      .where(eq(emailSends.userId, user.id));
    await relay();
    const [row] = await db().select().from(emailSends).where(eq(emailSends.userId, user.id));
    expect(row?.status).toBe("failed");
    expect(row?.lastError).toBe("interrupted while sending; not repeated");
    expect(await catcher.to(user.email)).toEqual([]);
  });

  it("a row another relay is sending right now is left alone", async () => {
    const user = await createUser(db(), "learner", { emailVerified: true });
    await db().transaction((tx) =>
      createNotifications(tx, [
        { userId: user.id, kind: "grade", title: "In flight", dedupeKey: "outbox:flight" },
      ]),
    );
    await db()
      .update(emailSends)
      .set({ status: "sending", attempts: 1 })
      .where(eq(emailSends.userId, user.id));
    await relay();
    const [row] = await db().select().from(emailSends).where(eq(emailSends.userId, user.id));
    expect(row?.status).toBe("sending");
    expect(await catcher.to(user.email)).toEqual([]);
  });
});
