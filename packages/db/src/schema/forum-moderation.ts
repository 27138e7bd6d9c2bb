import { sql } from "drizzle-orm";
import {
  index,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { courses } from "./catalog";
import { forumReplies, forumThreads } from "./forum";

export const forumReportStatus = pgEnum("forum_report_status", ["open", "resolved", "dismissed"]);

/** A member's report of a post (thread or reply; `postId` is either's id) for the queue. */
export const forumReports = pgTable(
  "forum_reports",
  {
    id: uuid().primaryKey().defaultRandom(),
    courseId: uuid()
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    threadId: uuid()
      .notNull()
      .references(() => forumThreads.id, { onDelete: "cascade" }),
    replyId: uuid().references(() => forumReplies.id, { onDelete: "cascade" }),
    postId: uuid().notNull(),
    reporterId: text().references(() => users.id, { onDelete: "set null" }),
    reason: text().notNull(),
    status: forumReportStatus().notNull().default("open"),
    resolverId: text().references(() => users.id, { onDelete: "set null" }),
    resolvedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One open report per reporter and post: reporting again changes nothing.
    uniqueIndex("forum_reports_reporter_id_post_id_idx")
      .on(t.reporterId, t.postId)
      .where(sql`${t.status} = 'open'`),
    index("forum_reports_course_id_status_created_at_idx").on(t.courseId, t.status, t.createdAt),
    index("forum_reports_post_id_idx").on(t.postId),
  ],
);

/** A per-course posting mute: the user still reads, but cannot post until `until` (or unmuted). */
export const forumMutes = pgTable(
  "forum_mutes",
  {
    courseId: uuid()
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    mutedBy: text().references(() => users.id, { onDelete: "set null" }),
    reason: text().notNull(),
    /** Null: until a moderator unmutes. */
    until: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.userId] })],
);

export const forumModerationAction = pgEnum("forum_moderation_action", [
  "hide",
  "unhide",
  "lock",
  "unlock",
  "pin",
  "unpin",
  "mute",
  "unmute",
  "dismiss_report",
]);

/** Every moderation action: who, when, what, on which post or user, and why. Append-only. */
export const forumModerationLog = pgTable(
  "forum_moderation_log",
  {
    id: uuid().primaryKey().defaultRandom(),
    courseId: uuid()
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    actorId: text().references(() => users.id, { onDelete: "set null" }),
    action: forumModerationAction().notNull(),
    threadId: uuid().references(() => forumThreads.id, { onDelete: "set null" }),
    replyId: uuid().references(() => forumReplies.id, { onDelete: "set null" }),
    targetUserId: text().references(() => users.id, { onDelete: "set null" }),
    reason: text().notNull().default(""),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("forum_moderation_log_course_id_created_at_idx").on(t.courseId, t.createdAt)],
);
