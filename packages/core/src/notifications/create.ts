import { notifications } from "@lumen/db";
import { queueNotificationEmails } from "../email";
import { compareKeys, type Transaction } from "../kernel";

export type NewNotification = Pick<
  typeof notifications.$inferInsert,
  "userId" | "kind" | "title" | "body" | "link" | "dedupeKey"
>;

/**
 * Writes notifications in the caller's transaction; one per (user, dedupeKey) ever, so a
 * fact reported twice (a retried job, a racing batch) still notifies once. Sorted: one lock
 * order for every writer.
 */
export async function createNotifications(tx: Transaction, items: readonly NewNotification[]) {
  if (items.length === 0) return;
  const sorted = [...items].sort(
    (a, b) => compareKeys(a.userId, b.userId) || compareKeys(a.dedupeKey, b.dedupeKey),
  );
  const created = await tx
    .insert(notifications)
    .values(sorted)
    .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] })
    .returning({ id: notifications.id });
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
      ? `You finished ${m.courseTitle}`
      : `You're ${m.percent}% through ${m.courseTitle}`,
    body: finished
      ? "Every required lesson is done."
      : `Keep going: ${100 - m.percent}% of the course is left.`,
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
    title: `Your certificate for ${c.courseTitle} is ready`,
    body: "Download it as a PDF, or share its verification link with anyone.",
    link: `/courses/${c.courseSlug}/learn`,
    dedupeKey: `certificate:${c.certificateId}`,
  };
}
