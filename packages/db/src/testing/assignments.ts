import { eq, sql } from "drizzle-orm";
import type { Database } from "../client";
import {
  assignmentAttachments,
  assignmentReviews,
  assignmentSubmissions,
  assignments,
  type RubricScore,
} from "../schema";

/** An assignment lesson's settings row (defaults unless overridden). */
export async function createAssignment(
  db: Database,
  lessonId: string,
  overrides: Partial<typeof assignments.$inferInsert> = {},
) {
  const [assignment] = await db
    .insert(assignments)
    .values({ lessonId, ...overrides })
    .returning();
  if (!assignment) throw new Error("assignment insert returned nothing");
  return assignment;
}

/**
 * A learner's submission to an assignment lesson, as the assignment service stores one; the
 * lesson's `assignments` row (default settings) is inserted first when it has none.
 * `cohort` is the course run, or the course id when it has none.
 */
export async function createAssignmentSubmission(
  db: Database,
  o: {
    lessonId: string;
    enrollmentId: string;
    userId: string;
    cohort: string;
    body?: string;
    status?: (typeof assignmentSubmissions.$inferInsert)["status"];
    submittedAt?: Date;
    reviewDeadline?: Date;
    /** A grade (status graded unless given): percent of the rubric's points, by peers. */
    gradePercent?: number;
  },
) {
  await db.insert(assignments).values({ lessonId: o.lessonId }).onConflictDoNothing();
  const submittedAt = o.submittedAt ?? new Date();
  const [submission] = await db
    .insert(assignmentSubmissions)
    .values({
      lessonId: o.lessonId,
      enrollmentId: o.enrollmentId,
      userId: o.userId,
      cohort: o.cohort,
      body: o.body ?? "My answer.",
      status: o.status ?? (o.gradePercent === undefined ? "submitted" : "graded"),
      submittedAt,
      ...(o.gradePercent === undefined
        ? {}
        : {
            gradePercent: o.gradePercent,
            gradePoints: o.gradePercent / 10,
            maxPoints: 10,
            passed: o.gradePercent >= 60,
            gradedBy: "peers" as const,
            gradeScores: [],
            gradedAt: submittedAt,
          }),
      reviewDeadline: o.reviewDeadline ?? new Date(submittedAt.getTime() + 7 * 24 * 3600_000),
    })
    .returning();
  if (!submission) throw new Error("assignment submission insert returned nothing");
  return submission;
}

/**
 * A review of a submission: a lease handed to the reviewer (by default leased now, for
 * 8 hours), submitted with `scores` when `submittedAt` is given.
 */
export async function createAssignmentReview(
  db: Database,
  o: {
    submissionId: string;
    lessonId: string;
    reviewerEnrollmentId: string;
    leasedAt?: Date;
    leaseExpiresAt?: Date;
    submittedAt?: Date;
    scores?: RubricScore[];
  },
) {
  const leasedAt = o.leasedAt ?? new Date();
  const submitted = o.submittedAt !== undefined || o.scores !== undefined;
  const [review] = await db
    .insert(assignmentReviews)
    .values({
      submissionId: o.submissionId,
      lessonId: o.lessonId,
      reviewerEnrollmentId: o.reviewerEnrollmentId,
      leasedAt,
      leaseExpiresAt: o.leaseExpiresAt ?? new Date(leasedAt.getTime() + 8 * 3600_000),
      // A submitted review has both (the table's check); either one given makes it submitted.
      submittedAt: submitted ? (o.submittedAt ?? new Date()) : null,
      scores: submitted ? (o.scores ?? []) : null,
    })
    .returning();
  if (!review) throw new Error("assignment review insert returned nothing");
  // The submission counts its reviews and unreleased leases, as "review next" keeps it.
  await db
    .update(assignmentSubmissions)
    .set({ reviewsLive: sql`${assignmentSubmissions.reviewsLive} + 1` })
    .where(eq(assignmentSubmissions.id, o.submissionId));
  return review;
}

/**
 * An attachment row whose bytes the edge has stored (`storedAt` set), as a confirmed upload
 * leaves it; the test puts the bytes at `attachments/<id>` itself.
 */
export async function createAssignmentAttachment(
  db: Database,
  o: { lessonId: string; enrollmentId: string; filename: string; byteSize: number },
) {
  await db.insert(assignments).values({ lessonId: o.lessonId }).onConflictDoNothing();
  const [attachment] = await db
    .insert(assignmentAttachments)
    .values({
      lessonId: o.lessonId,
      enrollmentId: o.enrollmentId,
      filename: o.filename,
      contentType: "application/pdf",
      byteSize: o.byteSize,
      storedAt: new Date(),
    })
    .returning();
  if (!attachment) throw new Error("assignment attachment insert returned nothing");
  return attachment;
}
