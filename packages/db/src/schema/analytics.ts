import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { courses, lessons } from "./catalog";
import { enrollments } from "./enrollment";
import { int4multirange } from "./types";

/**
 * The instructor dashboard's rollups (ADR 0024). Every table here is derived: the rollup job
 * maintains them incrementally and `pnpm analytics:rebuild` recomputes them from the source
 * rows (progress_events, lesson_progress, quiz_attempts, enrollments, certificates) with the
 * same result. Days and weeks are UTC; a week starts on Monday.
 */

/**
 * How far each source has been rolled up. For the append-only logs (`progress_events`,
 * `quiz_attempts`) `position` is the last `seq` applied, and every row up to it was applied
 * exactly once; for `enrollment_state` it is the epoch ms from which changed enrollments are
 * re-read. `updatedAt` of the last run is the dashboard's "as of".
 */
export const analyticsCursors = pgTable("analytics_cursors", {
  source: text().primaryKey(),
  position: bigint({ mode: "number" }).notNull().default(0),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * One row per enrollment: the learners table, and what the rollup last counted for this
 * enrollment in the day/week tables (so a recount applies only the difference).
 */
export const analyticsEnrollments = pgTable(
  "analytics_enrollments",
  {
    enrollmentId: uuid()
      .primaryKey()
      .references(() => enrollments.id, { onDelete: "cascade" }),
    courseId: uuid()
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    enrolledAt: timestamp({ withTimezone: true }).notNull(),
    unenrolledAt: timestamp({ withTimezone: true }),
    /** Lessons with any progress row; lessons completed; required (not optional) completed. */
    lessonsStarted: integer().notNull().default(0),
    lessonsCompleted: integer().notNull().default(0),
    requiredCompleted: integer().notNull().default(0),
    /** Latest progress event (received) or quiz attempt (submitted). */
    lastActiveAt: timestamp({ withTimezone: true }),
    /** Mean over the quizzes attempted of the best score (percent); null before any attempt. */
    quizAverage: real(),
    quizzesPassed: integer().notNull().default(0),
    /** The enrollment's completion (enrollments.completed_at). */
    completedAt: timestamp({ withTimezone: true }),
    /** The certificate, while it is not revoked. */
    certificateId: uuid(),
    certifiedAt: timestamp({ withTimezone: true }),
  },
  (t) => {
    // The learners table lists a course's active learners sorted by one column (empty values
    // last), then the id in the same direction: a partial index per sort serves a page of 25
    // as an index scan instead of sorting 100k rows; a nullable column needs one per direction.
    const active = sql`${t.unenrolledAt} is null`;
    const sorted = (name: string, ...columns: Parameters<ReturnType<typeof index>["on"]>) =>
      index(`analytics_enrollments_${name}_idx`)
        .on(...columns)
        .where(active);
    return [
      index("analytics_enrollments_course_completed_idx").on(t.courseId, t.completedAt),
      // The name sort: from users by name to their row in the course.
      sorted("user", t.userId, t.courseId),
      sorted("progress", t.courseId, t.requiredCompleted, t.enrollmentId),
      sorted("enrolled", t.courseId, t.enrolledAt, t.enrollmentId),
      sorted("active_asc", t.courseId, t.lastActiveAt.asc().nullsLast(), t.enrollmentId),
      sorted("active_desc", t.courseId, t.lastActiveAt.desc().nullsLast(), t.enrollmentId.desc()),
      sorted("quiz_asc", t.courseId, t.quizAverage.asc().nullsLast(), t.enrollmentId),
      sorted("quiz_desc", t.courseId, t.quizAverage.desc().nullsLast(), t.enrollmentId.desc()),
      sorted("certified_asc", t.courseId, t.certifiedAt.asc().nullsLast(), t.enrollmentId),
      sorted("certified_desc", t.courseId, t.certifiedAt.desc().nullsLast(), t.enrollmentId.desc()),
    ];
  },
);

/**
 * What the rollup last counted for one learner in one lesson (a lesson_progress row): the
 * funnel and retention tables hold the sum of these, so a recount applies the difference.
 */
export const analyticsLessonLearners = pgTable(
  "analytics_lesson_learners",
  {
    enrollmentId: uuid()
      .notNull()
      .references(() => enrollments.id, { onDelete: "cascade" }),
    lessonId: uuid()
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    courseId: uuid()
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    completed: boolean().notNull(),
    /** Credited coverage (tenths of a second), as lesson_progress.coverage. */
    coverage: int4multirange().notNull().default(sql`'{}'`),
    /** Second of the video where an unfinished viewer's position is; null once completed. */
    stopSecond: integer(),
  },
  (t) => [primaryKey({ columns: [t.enrollmentId, t.lessonId] })],
);

/** Per lesson: the funnel (learners who started / completed it) and video totals. */
export const analyticsLessons = pgTable(
  "analytics_lessons",
  {
    lessonId: uuid()
      .primaryKey()
      .references(() => lessons.id, { onDelete: "cascade" }),
    courseId: uuid()
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    started: integer().notNull().default(0),
    completed: integer().notNull().default(0),
    /** Learners with any coverage of the video. */
    viewers: integer().notNull().default(0),
    /** Sum over viewers of the tenths they covered (the average watched share's numerator). */
    watchedTenths: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [index("analytics_lessons_course_id_idx").on(t.courseId)],
);

/**
 * Audience retention, one row per second of a video lesson (sampled at second + 0.5 s):
 * `viewers` whose coverage holds that point, `plays` of it summed over every progress event
 * (a re-watch plays it again), `stops` of unfinished viewers whose position is in it.
 */
export const analyticsVideoSeconds = pgTable(
  "analytics_video_seconds",
  {
    lessonId: uuid()
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    second: integer().notNull(),
    viewers: integer().notNull().default(0),
    plays: integer().notNull().default(0),
    stops: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.lessonId, t.second] })],
);

/** Per course and UTC day: what happened that day. */
export const analyticsCourseDays = pgTable(
  "analytics_course_days",
  {
    courseId: uuid()
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    day: date({ mode: "string" }).notNull(),
    /** Enrollments whose enrolledAt / unenrolledAt / completedAt / certifiedAt is this day. */
    enrolled: integer().notNull().default(0),
    unenrolled: integer().notNull().default(0),
    completed: integer().notNull().default(0),
    certified: integer().notNull().default(0),
    /** Distinct learners active that day (analytics_active_days). */
    active: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.day] })],
);

/** Per course and week (its Monday): distinct learners active that week. */
export const analyticsCourseWeeks = pgTable(
  "analytics_course_weeks",
  {
    courseId: uuid()
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    week: date({ mode: "string" }).notNull(),
    active: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.week] })],
);

/** The days (UTC) an enrollment had a progress event received or a quiz attempt submitted. */
export const analyticsActiveDays = pgTable(
  "analytics_active_days",
  {
    enrollmentId: uuid()
      .notNull()
      .references(() => enrollments.id, { onDelete: "cascade" }),
    day: date({ mode: "string" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.enrollmentId, t.day] })],
);

/** The weeks (their Monday) an enrollment was active in. */
export const analyticsActiveWeeks = pgTable(
  "analytics_active_weeks",
  {
    enrollmentId: uuid()
      .notNull()
      .references(() => enrollments.id, { onDelete: "cascade" }),
    week: date({ mode: "string" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.enrollmentId, t.week] })],
);

/**
 * Quiz attempts per question and attempt score band (band = floor(scorePercent / 10), 0–10):
 * difficulty sums the bands; discrimination compares the top and bottom bands.
 */
export const analyticsQuizQuestions = pgTable(
  "analytics_quiz_questions",
  {
    lessonId: uuid()
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    questionId: uuid().notNull(),
    band: smallint().notNull(),
    attempts: integer().notNull().default(0),
    correct: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.lessonId, t.questionId, t.band] })],
);

/** Attempts per quiz and score band (0–10): the score distribution. */
export const analyticsQuizScores = pgTable(
  "analytics_quiz_scores",
  {
    lessonId: uuid()
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    band: smallint().notNull(),
    attempts: integer().notNull().default(0),
    passed: integer().notNull().default(0),
    /** Sum of the attempts' scores (percent): the exact average. Numeric, so sums are exact in any order. */
    scoreSum: numeric({ mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.lessonId, t.band] })],
);

/** How often each option of a choice question was chosen (true/false: "true" / "false"). */
export const analyticsQuizOptions = pgTable(
  "analytics_quiz_options",
  {
    lessonId: uuid()
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    questionId: uuid().notNull(),
    optionId: text().notNull(),
    chosen: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.lessonId, t.questionId, t.optionId] })],
);

/** Every dashboard export: who exported which table of which course, and how many rows. */
export const analyticsExports = pgTable(
  "analytics_exports",
  {
    id: uuid().primaryKey().defaultRandom(),
    courseId: uuid()
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    userId: text().references(() => users.id, { onDelete: "set null" }),
    table: text().notNull(),
    rows: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("analytics_exports_course_id_idx").on(t.courseId, t.createdAt)],
);
