import { notifications } from "@lumen/db";
import { sql } from "drizzle-orm";
import { queueNotificationEmails } from "../email";
import { type LocalizedText, message, readerOf, readersOf, renderText } from "../i18n";
import { compareKeys, type Transaction } from "../kernel";
import { LIVE_CHANNEL } from "../live";

export type NewNotification = Pick<
  typeof notifications.$inferInsert,
  "userId" | "kind" | "link" | "dedupeKey"
> & {
  /** Rendered in the recipient's language when written (in-app and email then agree). */
  title: LocalizedText;
  body?: LocalizedText;
};

const ANYONE = readerOf({ locale: null, timeZone: null });

/**
 * Writes notifications in the caller's transaction; one per (user, dedupeKey) ever, so a
 * fact reported twice (a retried job, a racing batch) still notifies once. Sorted: one lock
 * order for every writer. Each row actually inserted (not a deduped one) announces itself to
 * its user's live topic on commit, in the same statement: 1,000 notifications are one round
 * trip, not 1,000. Title and body are rendered in each recipient's language (`users.locale`),
 * read for the whole batch in one query.
 */
export async function createNotifications(tx: Transaction, items: readonly NewNotification[]) {
  if (items.length === 0) return;
  const readers = await readersOf(
    tx,
    items.map((n) => n.userId),
  );
  const sorted = [...items]
    .sort((a, b) => compareKeys(a.userId, b.userId) || compareKeys(a.dedupeKey, b.dedupeKey))
    .map((n) => {
      const reader = readers.get(n.userId) ?? ANYONE;
      return {
        ...n,
        title: renderText(n.title, reader),
        body: n.body ? renderText(n.body, reader) : "",
      };
    });
  const inserted = tx.$with("inserted").as(
    tx
      .insert(notifications)
      .values(sorted)
      .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] })
      .returning({ id: notifications.id, userId: notifications.userId }),
  );
  // One statement inserts and announces each new row (a deduped one announces nothing).
  const created = await tx
    .with(inserted)
    .select({
      id: inserted.id,
      sent: sql`pg_notify(${LIVE_CHANNEL}, json_build_object('topic', 'user:' || ${inserted.userId}, 'type', 'notification', 'id', ${inserted.id})::text)`,
    })
    .from(inserted);
  // Email (instant kinds) is queued in this same transaction: see core/email.
  await queueNotificationEmails(tx, created);
}

/** The in-app notification for a course milestone (25 / 50 / 75 / 100 %). */
export function milestoneNotification(m: {
  userId: string;
  enrollmentId: string;
  courseSlug: string;
  courseTitle: string;
  percent: number;
}): NewNotification {
  const finished = m.percent === 100;
  return {
    userId: m.userId,
    kind: "milestone",
    title: finished
      ? message("notification.milestone.finished.title", { course: m.courseTitle })
      : message("notification.milestone.progress.title", {
          done: { percent: m.percent },
          course: m.courseTitle,
        }),
    body: finished
      ? message("notification.milestone.finished.body")
      : message("notification.milestone.progress.body", { left: { percent: 100 - m.percent } }),
    link: `/courses/${encodeURIComponent(m.courseSlug)}/learn`,
    dedupeKey: `milestone:${m.enrollmentId}:${m.percent}`,
  };
}

/** The in-app notification that an issued certificate is ready (once per certificate). */
export function certificateNotification(c: {
  userId: string;
  certificateId: string;
  courseSlug: string;
  courseTitle: string;
}): NewNotification {
  return {
    userId: c.userId,
    kind: "certificate",
    title: message("notification.certificate.title", { course: c.courseTitle }),
    body: message("notification.certificate.body"),
    link: `/courses/${c.courseSlug}/learn`,
    dedupeKey: `certificate:${c.certificateId}`,
  };
}
