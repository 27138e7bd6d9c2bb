import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { courses } from "./catalog";
import { enrollments } from "./enrollment";

/**
 * A learner's rating of a course (1–5 stars) with an optional review (title, Markdown text):
 * one per learner and course, by constraint. The course's ratingAverage/ratingCount are
 * recomputed from these rows (visible ones) in the transaction that changes them (ADR 0032).
 */
export const courseRatings = pgTable(
  "course_ratings",
  {
    id: uuid().primaryKey().defaultRandom(),
    courseId: uuid()
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    stars: smallint().notNull(),
    title: text().notNull().default(""),
    body: text().notNull().default(""),
    /** Hidden by the course's instructors or an admin: out of the list and the aggregate. */
    hidden: boolean().notNull().default(false),
    hiddenReason: text(),
    /** "Helpful" votes; maintained with course_rating_votes in one transaction. */
    helpfulCount: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("course_ratings_course_id_user_id_idx").on(t.courseId, t.userId),
    index("course_ratings_course_id_helpful_count_idx").on(
      t.courseId,
      t.helpfulCount.desc(),
      t.createdAt.desc(),
      t.id,
    ),
    index("course_ratings_course_id_created_at_idx").on(t.courseId, t.createdAt.desc(), t.id),
    index("course_ratings_course_id_stars_idx").on(t.courseId, t.stars, t.createdAt.desc(), t.id),
    check("course_ratings_stars_check", sql`${t.stars} between 1 and 5`),
    check("course_ratings_helpful_count_check", sql`${t.helpfulCount} >= 0`),
  ],
);

/** One "helpful" vote per user and review. */
export const courseRatingVotes = pgTable(
  "course_rating_votes",
  {
    ratingId: uuid()
      .notNull()
      .references(() => courseRatings.id, { onDelete: "cascade" }),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.ratingId, t.userId] })],
);

/** The one public response of the course's instructors to a review. */
export const courseRatingResponses = pgTable("course_rating_responses", {
  ratingId: uuid()
    .primaryKey()
    .references(() => courseRatings.id, { onDelete: "cascade" }),
  authorId: text().references(() => users.id, { onDelete: "set null" }),
  body: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const ratingReportStatus = pgEnum("rating_report_status", ["open", "resolved", "dismissed"]);

/** A report of a review, in the course's review moderation queue (ADR 0032). */
export const courseRatingReports = pgTable(
  "course_rating_reports",
  {
    id: uuid().primaryKey().defaultRandom(),
    courseId: uuid()
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    ratingId: uuid()
      .notNull()
      .references(() => courseRatings.id, { onDelete: "cascade" }),
    reporterId: text().references(() => users.id, { onDelete: "set null" }),
    reason: text().notNull(),
    status: ratingReportStatus().notNull().default("open"),
    resolverId: text().references(() => users.id, { onDelete: "set null" }),
    resolvedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One open report per reporter and review: reporting again changes nothing.
    uniqueIndex("course_rating_reports_reporter_id_rating_id_idx")
      .on(t.reporterId, t.ratingId)
      .where(sql`${t.status} = 'open'`),
    index("course_rating_reports_course_id_status_created_at_idx").on(
      t.courseId,
      t.status,
      t.createdAt,
    ),
  ],
);

/** A rating prompt (at 50 % and at completion) the learner has seen: each shows once. */
export const courseRatingPrompts = pgTable(
  "course_rating_prompts",
  {
    enrollmentId: uuid()
      .notNull()
      .references(() => enrollments.id, { onDelete: "cascade" }),
    /** 50 or 100. */
    milestone: smallint().notNull(),
    seenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.enrollmentId, t.milestone] })],
);
