import { createNotifications, verbatim } from "@lumen/core/notifications";
import { createUser } from "@lumen/core/testing";
import { emailSends } from "@lumen/db";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { mailRelay } from "./mail-relay";

const smtp = mailRelay();
const { db, runSendJob: relay } = smtp;

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
          title: verbatim(title),
          dedupeKey: `outbox:${title}`,
        })),
      ),
    );
    await Promise.all([relay(), relay(), relay()]);
    const subjects = (await smtp.catcher.to(user.email)).map((m) => m.subject).sort();
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
        { userId: user.id, kind: "grade", title: verbatim("Graded"), dedupeKey: "outbox:crash" },
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
    expect(await smtp.catcher.to(user.email)).toEqual([]);
  });

  it("a row another relay is sending right now is left alone", async () => {
    const user = await createUser(db(), "learner", { emailVerified: true });
    await db().transaction((tx) =>
      createNotifications(tx, [
        {
          userId: user.id,
          kind: "grade",
          title: verbatim("In flight"),
          dedupeKey: "outbox:flight",
        },
      ]),
    );
    await db()
      .update(emailSends)
      .set({ status: "sending", attempts: 1 })
      .where(eq(emailSends.userId, user.id));
    await relay();
    const [row] = await db().select().from(emailSends).where(eq(emailSends.userId, user.id));
    expect(row?.status).toBe("sending");
    expect(await smtp.catcher.to(user.email)).toEqual([]);
  });
});
