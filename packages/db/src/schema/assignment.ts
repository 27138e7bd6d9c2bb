import { relations, sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  real,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { lessons } from "./catalog";
import { enrollments } from "./enrollment";

/** One level of a rubric criterion: what it looks like and what it is worth. */
export interface RubricLevel {
  id: string;
  label: string;
  description: string;
  points: number;
}

/** A rubric criterion with its levels in order, lowest first. */
export interface RubricCriterion {
  id: string;
  title: string;
  description: string;
  /** A reviewer must explain the level they chose. */
  commentRequired: boolean;
  levels: RubricLevel[];
}

/** What a reviewer (or staff) chose for one criterion; `points` is the level's at that time. */
export interface RubricScore {
  criterionId: string;
  levelId: string;
  points: number;
  comment: string;
}

/**
 * What happens to a submission that still lacks reviews when its review window closes:
 * graded from the reviews it has (≥ 1; none → staff), or always handed to staff.
 */
export const assignmentFallback = pgEnum("assignment_fallback", ["grade_available", "staff"]);

/**
 * A peer-reviewed assignment lesson's settings; the prompt is the lesson's body. The rubric
 * is one JSON document (criteria with ordered levels) because it is read and written whole;
 * reviews keep the points they chose, so a later rubric edit never regrades a grade.
 */
export const assignments = pgTable(
  "assignments",
  {
    lessonId: uuid()
      .primaryKey()
      .references(() => lessons.id, { onDelete: "cascade" }),
    rubric: jsonb().$type<RubricCriterion[]>().notNull().default([]),
    allowAttachments: boolean().notNull().default(true),
    reviewsToGive: smallint().notNull().default(3),
    reviewsNeeded: smallint().notNull().default(3),
    /** Submissions close at this time; null: open while the course is. */
    dueAt: timestamp({ withTimezone: true }),
    /** Each submission's reviews close this many hours after it was submitted… */
    reviewWindowHours: integer()
      .notNull()
      .default(7 * 24),
    /** …or at this time, whichever comes first. */
    reviewsCloseAt: timestamp({ withTimezone: true }),
    leaseMinutes: integer()
      .notNull()
      .default(8 * 60),
    fallback: assignmentFallback().notNull().default("grade_available"),
    /** Reviews count in the median by the reviewer's calibration accuracy (ADR 0017). */
    weightByCalibration: boolean().notNull().default(false),
    passingPercent: smallint().notNull().default(60),
    requiredForCertificate: boolean().notNull().default(true),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("assignments_reviews_to_give_check", sql`${t.reviewsToGive} between 0 and 10`),
    check("assignments_reviews_needed_check", sql`${t.reviewsNeeded} between 1 and 10`),
    check("assignments_review_window_hours_check", sql`${t.reviewWindowHours} between 1 and 8760`),
    check("assignments_lease_minutes_check", sql`${t.leaseMinutes} between 5 and 10080`),
    check("assignments_passing_percent_check", sql`${t.passingPercent} between 0 and 100`),
  ],
);

/** Example submissions the instructor graded; learners grade them first (calibration). */
export const assignmentExamples = pgTable(
  "assignment_examples",
  {
    id: uuid().primaryKey().defaultRandom(),
    lessonId: uuid()
      .notNull()
      .references(() => assignments.lessonId, { onDelete: "cascade" }),
    position: integer().notNull(),
    body: text().notNull(),
    /** The instructor's grade, one score per criterion. */
    scores: jsonb().$type<RubricScore[]>().notNull(),
  },
  (t) => [index("assignment_examples_lesson_id_position_idx").on(t.lessonId, t.position)],
);

/**
 * submitted: revisable, not yet picked for review; in_review: a first lease locked it;
 * graded: a grade stands (peers, staff or an override); needs_staff: the review window
 * closed without enough reviews and the policy hands it to staff.
 */
export const assignmentSubmissionStatus = pgEnum("assignment_submission_status", [
  "submitted",
  "in_review",
  "graded",
  "needs_staff",
]);

/** peers: the needed reviews; peers_partial: the window closed with fewer; staff; override. */
export const assignmentGradedBy = pgEnum("assignment_graded_by", [
  "peers",
  "peers_partial",
  "staff",
  "override",
]);

/** A learner's one submission per assignment. */
export const assignmentSubmissions = pgTable(
  "assignment_submissions",
  {
    id: uuid().primaryKey().defaultRandom(),
    lessonId: uuid()
      .notNull()
      .references(() => assignments.lessonId, { onDelete: "cascade" }),
    enrollmentId: uuid()
      .notNull()
      .references(() => enrollments.id, { onDelete: "cascade" }),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Reviewers come from the same cohort: the course run, or the course when it has none. */
    cohort: text().notNull(),
    body: text().notNull(),
    status: assignmentSubmissionStatus().notNull().default("submitted"),
    submittedAt: timestamp({ withTimezone: true }).notNull(),
    revisedAt: timestamp({ withTimezone: true }),
    /** When its reviews close (the assignment's window from submittedAt, capped by reviewsCloseAt). */
    reviewDeadline: timestamp({ withTimezone: true }).notNull(),
    /**
     * Submitted reviews plus leases not yet released: what "review next" orders and filters by
     * (an index walk, not a count per submission). Written only under this row's lock, as every
     * lease and review of it is; an expired lease counts until it is released (ADR 0017).
     */
    reviewsLive: smallint().notNull().default(0),
    gradePoints: real(),
    maxPoints: real(),
    gradePercent: real(),
    passed: boolean(),
    gradedBy: assignmentGradedBy(),
    /** Per criterion: the median (peers) or staff's choice, with the comment shown to the learner. */
    gradeScores: jsonb().$type<RubricScore[]>(),
    gradedAt: timestamp({ withTimezone: true }),
    /** Staff grade or override: who (never shown to the learner) and the note the learner reads. */
    staffUserId: text().references(() => users.id, { onDelete: "set null" }),
    staffNote: text(),
  },
  (t) => [
    unique("assignment_submissions_lesson_id_enrollment_id_unique").on(t.lessonId, t.enrollmentId),
    index("assignment_submissions_lesson_id_status_idx").on(t.lessonId, t.cohort, t.status),
    index("assignment_submissions_review_queue_idx")
      .on(t.lessonId, t.cohort, t.reviewsLive, t.submittedAt, t.id)
      .where(sql`${t.status} in ('submitted', 'in_review')`),
    index("assignment_submissions_review_deadline_idx").on(t.reviewDeadline),
  ],
);

/** Files a learner attached to their submission, stored in R2 under `attachments/<id>`. */
export const assignmentAttachments = pgTable(
  "assignment_attachments",
  {
    id: uuid().primaryKey().defaultRandom(),
    lessonId: uuid()
      .notNull()
      .references(() => assignments.lessonId, { onDelete: "cascade" }),
    enrollmentId: uuid()
      .notNull()
      .references(() => enrollments.id, { onDelete: "cascade" }),
    filename: text().notNull(),
    contentType: text().notNull(),
    byteSize: bigint({ mode: "number" }).notNull(),
    /** Set once the edge has stored every byte and the API has seen the object. */
    storedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("assignment_attachments_lesson_id_enrollment_id_idx").on(t.lessonId, t.enrollmentId),
  ],
);

/**
 * A review: created as a lease when "review next" hands a submission to a reviewer, completed
 * when they submit scores before the lease expires. An expired lease is no review; the same
 * row is renewed if the submission is offered to the same reviewer again.
 */
export const assignmentReviews = pgTable(
  "assignment_reviews",
  {
    id: uuid().primaryKey().defaultRandom(),
    submissionId: uuid()
      .notNull()
      .references(() => assignmentSubmissions.id, { onDelete: "cascade" }),
    lessonId: uuid()
      .notNull()
      .references(() => assignments.lessonId, { onDelete: "cascade" }),
    reviewerEnrollmentId: uuid()
      .notNull()
      .references(() => enrollments.id, { onDelete: "cascade" }),
    leasedAt: timestamp({ withTimezone: true }).notNull(),
    leaseExpiresAt: timestamp({ withTimezone: true }).notNull(),
    /** An expired lease stops counting in the submission's reviewsLive once released. */
    releasedAt: timestamp({ withTimezone: true }),
    submittedAt: timestamp({ withTimezone: true }),
    scores: jsonb().$type<RubricScore[]>(),
    /** The reviewer's calibration weight when the review was given (1 without calibration). */
    weight: real().notNull().default(1),
    flaggedAt: timestamp({ withTimezone: true }),
    flagReason: text(),
    /** kept: staff found the review fair; overridden: staff replaced the grade. */
    flagResolution: text(),
  },
  (t) => [
    unique("assignment_reviews_submission_id_reviewer_unique").on(
      t.submissionId,
      t.reviewerEnrollmentId,
    ),
    index("assignment_reviews_reviewer_idx").on(t.reviewerEnrollmentId, t.lessonId),
    index("assignment_reviews_lesson_id_flagged_idx").on(t.lessonId, t.flaggedAt),
    index("assignment_reviews_unreleased_idx")
      .on(t.lessonId, t.leaseExpiresAt)
      .where(sql`${t.submittedAt} is null and ${t.releasedAt} is null`),
    check(
      "assignment_reviews_submitted_check",
      sql`(${t.submittedAt} is null) = (${t.scores} is null)`,
    ),
  ],
);

/** A learner's grading of one calibration example, and how close it came to the instructor's. */
export const assignmentCalibrations = pgTable(
  "assignment_calibrations",
  {
    exampleId: uuid()
      .notNull()
      .references(() => assignmentExamples.id, { onDelete: "cascade" }),
    enrollmentId: uuid()
      .notNull()
      .references(() => enrollments.id, { onDelete: "cascade" }),
    lessonId: uuid()
      .notNull()
      .references(() => assignments.lessonId, { onDelete: "cascade" }),
    scores: jsonb().$type<RubricScore[]>().notNull(),
    /** 1 − mean over criteria of |theirs − instructor's| ÷ the criterion's range; 0…1. */
    accuracy: real().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("assignment_calibrations_example_id_enrollment_id_unique").on(
      t.exampleId,
      t.enrollmentId,
    ),
    index("assignment_calibrations_enrollment_idx").on(t.enrollmentId, t.lessonId),
  ],
);

export const assignmentsRelations = relations(assignments, ({ one, many }) => ({
  lesson: one(lessons, { fields: [assignments.lessonId], references: [lessons.id] }),
  examples: many(assignmentExamples),
}));

export const assignmentExamplesRelations = relations(assignmentExamples, ({ one }) => ({
  assignment: one(assignments, {
    fields: [assignmentExamples.lessonId],
    references: [assignments.lessonId],
  }),
}));
