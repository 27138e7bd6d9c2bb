import { type Database, emailSends, notifications, users } from "@lumen/db";
import { and, eq, gt, lt } from "drizzle-orm";
import { digestItems, loadRecipient } from "./content";
import { DEFAULT_TIME_ZONE } from "./preferences";
import { lastEndedDay } from "./zoned";

/**
 * Queues the daily digests that are due: for each user with notifications lately, the local
 * day that last ended in their time zone, if it holds any notification of a kind they get
 * daily. One row per user and day (unique), so running this every few minutes, or on two
 * runners at once, queues each digest once; sendDueEmails sends it.
 */
export async function queueDailyDigests({
  db,
  now = new Date(),
}: {
  db: Database;
  now?: Date;
}): Promise<{ queued: number }> {
  // Every zone's last ended day started less than 50 hours ago (UTC-12 … UTC+14).
  const since = new Date(now.getTime() - 50 * 3_600_000);
  const candidates = await db
    .selectDistinct({ userId: notifications.userId, timeZone: users.timeZone })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(and(gt(notifications.createdAt, since), lt(notifications.createdAt, now)));
  let queued = 0;
  for (const c of candidates) {
    const { day } = lastEndedDay(c.timeZone ?? DEFAULT_TIME_ZONE, now);
    const recipient = await loadRecipient(db, c.userId);
    if (!recipient) continue;
    const items = await digestItems(db, recipient, day);
    if (items.length === 0) continue;
    const inserted = await db
      .insert(emailSends)
      .values({ userId: c.userId, digestDay: day })
      .onConflictDoNothing()
      .returning({ id: emailSends.id });
    queued += inserted.length;
  }
  return { queued };
}
