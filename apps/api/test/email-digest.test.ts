import { queueDailyDigests } from "@lumen/core/email";
import { createNotifications, type NewNotification, verbatim } from "@lumen/core/notifications";
import { createUser } from "@lumen/core/testing";
import { emailSends, notifications } from "@lumen/db";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queueDigestsHandler } from "../src/jobs/email";
import { mailRelay } from "./mail-relay";

const smtp = mailRelay();
const { db, context, runSendJob } = smtp;

/** A notification that happened at `at` (the clock of the fact, set after writing it). */
async function notifyAt(userId: string, kind: NewNotification["kind"], title: string, at: string) {
  const dedupeKey = `digest-test:${title}`;
  await db().transaction((tx) =>
    createNotifications(tx, [
      {
        userId,
        kind,
        title: verbatim(title),
        body: verbatim(`About ${title}`),
        link: "/",
        dedupeKey,
      },
    ]),
  );
  await db()
    .update(notifications)
    .set({ createdAt: new Date(at) })
    .where(and(eq(notifications.userId, userId), eq(notifications.dedupeKey, dedupeKey)));
}

describe("daily digest", () => {
  it("collects the daily kinds of the user's local day into one email, once", async () => {
    const user = await createUser(db(), "learner", {
      emailVerified: true,
      timeZone: "America/New_York",
    });
    // New York is UTC-4 on 9 March 2026 (DST began on the 8th): that local day is
    // 04:00Z on the 9th to 04:00Z on the 10th.
    await notifyAt(user.id, "milestone", "Sunday late", "2026-03-09T03:30:00Z");
    await notifyAt(user.id, "milestone", "Monday morning", "2026-03-09T05:00:00Z");
    await notifyAt(user.id, "forum_followed_reply", "Monday late", "2026-03-10T03:30:00Z");
    await notifyAt(user.id, "milestone", "Tuesday", "2026-03-10T05:00:00Z");
    // An instant kind is mailed on its own, never in the digest.
    await notifyAt(user.id, "forum_reply", "Instant reply", "2026-03-09T12:00:00Z");

    const now = new Date("2026-03-10T12:00:00Z");
    expect(await queueDailyDigests({ db: db(), now })).toEqual({ queued: 1 });
    expect(await queueDailyDigests({ db: db(), now })).toEqual({ queued: 0 });
    await runSendJob();
    await runSendJob();

    const digests = (await smtp.catcher.to(user.email)).filter((m) => m.subject.includes("digest"));
    expect(digests).toHaveLength(1);
    const [digest] = digests;
    expect(digest?.subject).toBe("Your Lumen digest for Monday, March 9, 2026");
    expect(digest?.text).toContain("2 things happened on Monday, March 9, 2026");
    for (const part of [digest?.text ?? "", digest?.html ?? ""]) {
      expect(part).toContain("Monday morning");
      expect(part).toContain("Monday late");
      expect(part).not.toContain("Sunday late");
      expect(part).not.toContain("Tuesday");
      expect(part).not.toContain("Instant reply");
    }
    // Times are the user's: 23:30 on Monday in New York, not 03:30 on Tuesday.
    expect(digest?.text).toMatch(/Mar 9, 2026, 11:30\sPM EDT/);
    const rows = await db().select().from(emailSends).where(eq(emailSends.userId, user.id));
    expect(rows.filter((r) => r.digestDay !== null).map((r) => [r.digestDay, r.status])).toEqual([
      ["2026-03-09", "sent"],
    ]);
  });

  it("a user with nothing of a daily kind that day gets no digest", async () => {
    const user = await createUser(db(), "learner", { emailVerified: true, timeZone: "UTC" });
    await notifyAt(user.id, "grade", "Graded", "2026-04-01T10:00:00Z");
    const now = new Date("2026-04-02T00:30:00Z");
    await queueDailyDigests({ db: db(), now });
    const rows = await db().select().from(emailSends).where(eq(emailSends.userId, user.id));
    expect(rows.filter((r) => r.digestDay !== null)).toEqual([]);
  });

  it("the scheduled job queues what is due now", async () => {
    const user = await createUser(db(), "learner", { emailVerified: true, timeZone: "UTC" });
    const yesterday = new Date(Date.now() - 86_400_000);
    await notifyAt(user.id, "milestone", "Halfway", yesterday.toISOString());
    await queueDigestsHandler({ db: db(), logger: { info: () => {} } }).handle(
      undefined,
      context(),
    );
    const [row] = await db().select().from(emailSends).where(eq(emailSends.userId, user.id));
    expect(row?.digestDay).toBe(yesterday.toISOString().slice(0, 10));
    expect(row?.status).toBe("queued");
  });
});
