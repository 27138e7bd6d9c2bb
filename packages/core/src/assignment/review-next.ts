import { assignmentReviews, assignmentSubmissions, type Database } from "@lumen/db";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { ForbiddenError, type Queryable, type SessionUser } from "../kernel";
import { openAssignmentAsLearner } from "./access";

export interface ReviewLease {
  reviewId: string;
  submissionId: string;
  body: string;
  leaseExpiresAt: string;
}

/** Why "review next" has nothing to hand out; the page says what to do about each. */
export type NoLeaseReason = "submit_first" | "calibrate_first" | "none_available";

export type ReviewNextResult =
  /** resumed: the reviewer's lease that was still live, handed back. */
  { lease: ReviewLease; resumed: boolean } | { lease: null; reason: NoLeaseReason };

/**
 * "Review next": leases the reviewer one submission of their cohort to review. Never their
 * own, never one they reviewed, never one that has all the reviews (completed or leased) it
 * needs; the fewest completed + leased reviews first, then the oldest. A reviewer holds at
 * most one live lease per assignment: asking again returns it.
 *
 * Concurrency: the reviewer's enrollment row lock serializes one reviewer's calls; a candidate
 * is locked with SKIP LOCKED (concurrent reviewers take different submissions instead of
 * queueing behind one; only when every candidate left is held does a call queue, boundedly,
 * for the best one) and its reviews are counted again under that lock, because every lease
 * of a submission is written under its row lock — so no submission is ever leased to more
 * reviewers than it needs.
 */
export async function reviewNext({
  db,
  user,
  input,
  now = new Date(),
}: {
  db: Database;
  user: SessionUser;
  input: { lessonId: string };
  now?: Date;
}): Promise<ReviewNextResult> {
  const { lessonId, enrollmentId } = await openAssignmentAsLearner(db, user, input.lessonId);
  // The matching is the SQL function assignment_review_next (migration 0013_assignments):
  // one round trip for the whole transaction, since it runs on the hot path of a cohort.
  const { rows } = await db.execute<{
    outcome: "leased" | "resumed" | "not_enrolled" | NoLeaseReason;
    review_id: string | null;
    submission_id: string | null;
    body: string | null;
    lease_expires_at: string | Date | null;
  }>(
    sql`select * from assignment_review_next(${lessonId}, ${enrollmentId}, ${now.toISOString()}::timestamptz)`,
  );
  const row = rows[0];
  if (!row || row.outcome === "not_enrolled") {
    throw new ForbiddenError("Enroll in this course to review submissions.");
  }
  if (row.outcome === "leased" || row.outcome === "resumed") {
    if (!row.review_id || !row.submission_id || !row.lease_expires_at) {
      throw new Error("assignment_review_next returned a lease without its ids");
    }
    return {
      lease: {
        reviewId: row.review_id,
        submissionId: row.submission_id,
        body: row.body ?? "",
        leaseExpiresAt: new Date(row.lease_expires_at).toISOString(),
      },
      resumed: row.outcome === "resumed",
    };
  }
  return { lease: null, reason: row.outcome };
}

/** The reviewer's live lease in this assignment, on a submission still open for review. */
export async function liveLease(
  tx: Queryable,
  lessonId: string,
  enrollmentId: string,
  now: Date,
): Promise<ReviewLease | null> {
  const [row] = await tx
    .select({
      reviewId: assignmentReviews.id,
      submissionId: assignmentReviews.submissionId,
      body: assignmentSubmissions.body,
      leaseExpiresAt: assignmentReviews.leaseExpiresAt,
    })
    .from(assignmentReviews)
    .innerJoin(assignmentSubmissions, eq(assignmentSubmissions.id, assignmentReviews.submissionId))
    .where(
      and(
        eq(assignmentReviews.lessonId, lessonId),
        eq(assignmentReviews.reviewerEnrollmentId, enrollmentId),
        isNull(assignmentReviews.submittedAt),
        gt(assignmentReviews.leaseExpiresAt, now),
        sql`${assignmentSubmissions.status} in ('submitted', 'in_review')`,
      ),
    );
  if (!row) return null;
  return { ...row, leaseExpiresAt: row.leaseExpiresAt.toISOString() };
}
