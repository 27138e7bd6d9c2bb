import { relations, sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { courses, lessons } from "./catalog";
import { tsvector } from "./types";

/** A discussion, or a question that can get an accepted answer (ADR 0019). */
export const forumThreadKind = pgEnum("forum_thread_kind", ["discussion", "question"]);

/**
 * The thread's words for the course forum's search: title (A) and body (B), read with
 * 'simple' after punctuation became spaces, so its words are the query parser's words
 * (the catalog does the same). Generated, so no writer can forget it.
 */
const threadDocument = sql`setweight(to_tsvector('simple'::regconfig, regexp_replace(title, '[^[:alnum:]]+', ' ', 'g')), 'A') || setweight(to_tsvector('simple'::regconfig, regexp_replace(left(body, 20000), '[^[:alnum:]]+', ' ', 'g')), 'B')`;

/**
 * A course forum thread. Authors are kept as null when their account is deleted, so the
 * conversation stays readable. `replyCount`, `score` and `lastActivityAt` are maintained by
 * the services under the thread's row lock; the list sorts on them.
 */
export const forumThreads = pgTable(
  "forum_threads",
  {
    id: uuid().primaryKey().defaultRandom(),
    courseId: uuid()
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    lessonId: uuid().references(() => lessons.id, { onDelete: "set null" }),
    authorId: text().references(() => users.id, { onDelete: "set null" }),
    kind: forumThreadKind().notNull(),
    title: text().notNull(),
    body: text().notNull(),
    pinned: boolean().notNull().default(false),
    locked: boolean().notNull().default(false),
    hidden: boolean().notNull().default(false),
    hiddenReason: text(),
    deletedAt: timestamp({ withTimezone: true }),
    acceptedReplyId: uuid().references((): AnyPgColumn => forumReplies.id, {
      onDelete: "set null",
    }),
    /** Replies ever posted (deleted ones stay as placeholders); also numbers the next reply. */
    replyCount: integer().notNull().default(0),
    score: integer().notNull().default(0),
    lastActivityAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp({ withTimezone: true }),
    search: tsvector()
      .notNull()
      .generatedAlwaysAs(() => threadDocument),
  },
  (t) => [
    // The list's sorts, pinned first; keyset pagination walks these backwards.
    index("forum_threads_course_id_new_idx").on(t.courseId, t.pinned, t.createdAt, t.id),
    index("forum_threads_course_id_active_idx").on(t.courseId, t.pinned, t.lastActivityAt, t.id),
    index("forum_threads_course_id_top_idx").on(t.courseId, t.pinned, t.score, t.createdAt, t.id),
    index("forum_threads_course_id_unanswered_idx")
      .on(t.courseId, t.pinned, t.createdAt, t.id)
      .where(sql`${t.replyCount} = 0`),
    index("forum_threads_lesson_id_created_at_idx").on(t.lessonId, t.createdAt, t.id),
    index("forum_threads_author_id_created_at_idx").on(t.authorId, t.createdAt),
    index("forum_threads_search_idx").using("gin", t.search),
    check("forum_threads_title_check", sql`char_length(${t.title}) between 1 and 200`),
    check("forum_threads_body_check", sql`char_length(${t.body}) <= 20000`),
  ],
);

/**
 * A reply. `parentId` nests it under a top-level reply (one level only). `seq` numbers the
 * thread's replies in posting order and `rootSeq` is its top-level reply's number, so
 * (rootSeq, seq) is the thread page's order: each top-level reply followed by its children,
 * and a keyset over one index.
 */
export const forumReplies = pgTable(
  "forum_replies",
  {
    id: uuid().primaryKey().defaultRandom(),
    threadId: uuid()
      .notNull()
      .references((): AnyPgColumn => forumThreads.id, { onDelete: "cascade" }),
    parentId: uuid().references((): AnyPgColumn => forumReplies.id, { onDelete: "cascade" }),
    seq: integer().notNull(),
    rootSeq: integer().notNull(),
    authorId: text().references(() => users.id, { onDelete: "set null" }),
    body: text().notNull(),
    hidden: boolean().notNull().default(false),
    hiddenReason: text(),
    deletedAt: timestamp({ withTimezone: true }),
    endorsedBy: text().references(() => users.id, { onDelete: "set null" }),
    endorsedAt: timestamp({ withTimezone: true }),
    score: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("forum_replies_thread_id_root_seq_seq_idx").on(t.threadId, t.rootSeq, t.seq),
    index("forum_replies_parent_id_idx").on(t.parentId),
    index("forum_replies_author_id_created_at_idx").on(t.authorId, t.createdAt),
    check("forum_replies_body_check", sql`char_length(${t.body}) between 1 and 20000`),
  ],
);

/** Edit history: what a post said before each edit (staff read it). */
export const forumRevisions = pgTable(
  "forum_revisions",
  {
    id: uuid().primaryKey().defaultRandom(),
    threadId: uuid()
      .notNull()
      .references(() => forumThreads.id, { onDelete: "cascade" }),
    /** Null: the thread's own title and body were edited. */
    replyId: uuid().references(() => forumReplies.id, { onDelete: "cascade" }),
    previousTitle: text(),
    previousBody: text().notNull(),
    editorId: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("forum_revisions_thread_id_reply_id_idx").on(t.threadId, t.replyId, t.createdAt)],
);

/**
 * One up-vote per user per post (a thread or a reply: `postId` is either's id). Toggling
 * deletes the row; the post's score is kept equal to its rows under the post's row lock.
 */
export const forumVotes = pgTable(
  "forum_votes",
  {
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    postId: uuid().notNull(),
    threadId: uuid()
      .notNull()
      .references(() => forumThreads.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.postId] }),
    index("forum_votes_thread_id_idx").on(t.threadId),
  ],
);

/**
 * Who follows a thread. `following = false` records an explicit unfollow, which sticks:
 * the automatic follow of authors and repliers never overwrites a row.
 */
export const forumFollows = pgTable(
  "forum_follows",
  {
    threadId: uuid()
      .notNull()
      .references(() => forumThreads.id, { onDelete: "cascade" }),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    following: boolean().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.threadId, t.userId] }),
    index("forum_follows_user_id_idx").on(t.userId),
  ],
);

export const forumThreadsRelations = relations(forumThreads, ({ one, many }) => ({
  course: one(courses, { fields: [forumThreads.courseId], references: [courses.id] }),
  lesson: one(lessons, { fields: [forumThreads.lessonId], references: [lessons.id] }),
  author: one(users, { fields: [forumThreads.authorId], references: [users.id] }),
  replies: many(forumReplies),
}));

export const forumRepliesRelations = relations(forumReplies, ({ one }) => ({
  thread: one(forumThreads, { fields: [forumReplies.threadId], references: [forumThreads.id] }),
  author: one(users, { fields: [forumReplies.authorId], references: [users.id] }),
}));
