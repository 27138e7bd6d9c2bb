import { index, pgEnum, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

/**
 * Every kind of notification, one model for all: course milestones and certificates; forum
 * replies to my thread, replies in a thread I follow, mentions, my answer accepted, and a
 * moderator's action on my post; grades (assignments and exercises); a data export is ready;
 * an account deletion was requested.
 */
export const notificationKind = pgEnum("notification_kind", [
  "milestone",
  "certificate",
  "forum_reply",
  "forum_followed_reply",
  "forum_mention",
  "forum_answer_accepted",
  "forum_moderation",
  "grade",
  "privacy_export",
  "account_deletion",
]);

/** In-app notifications; the bell shows the unread ones. */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: notificationKind().notNull(),
    title: text().notNull(),
    body: text().notNull().default(""),
    /** An in-app path to open, e.g. "/courses/intro/learn". */
    link: text(),
    /** Dedupe key: one notification per fact ("milestone:<enrollment>:50"). */
    dedupeKey: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    unique("notifications_user_id_dedupe_key_unique").on(t.userId, t.dedupeKey),
    index("notifications_user_id_created_at_idx").on(t.userId, t.createdAt.desc()),
  ],
);
