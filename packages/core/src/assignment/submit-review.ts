import { assignmentReviews, assignmentSubmissions, type Database, enrollments } from "@lumen/db";
import type { Outbox } from "@lumen/jobs";
import { and, count, eq, isNotNull } from "drizzle-orm";
import { ConflictError, NotFoundError, type SessionUser } from "../kernel";
import { gradeFromPeers, settleCompletion } from "./finalize";
import type { SubmitReviewInput } from "./inputs";
import { calibrationOf, loadAssignment, reviewsGiven } from "./load";
import { reviewerWeight, sameScores, scoreByRubric } from "./rubric";

const REVIEW_NOT_FOUND = "We couldn't find that review.";

export const LEASE_EXPIRED =
  "Your time to review this submission ran out, so it went back to the pool and this review was not recorded. Your scores and comments are still in the form: choose “Review next” to get a submission — if it is this one again, submit them as they are.";

export interface SubmitReviewResult {
  reviewId: string;
  /** This review completed the reviews the submission needed, and it was graded. */
  completedGrade: boolean;
  reviewsGiven: number;
}

/**
 * Records a review on a live lease. Under the submission's row lock the lease is checked, the
 * review written, and — when it is the last one needed — the submission graded, so two
 * reviews landing at once grade it exactly once. A lease that expired is refused with nothing
 * written (the reviewer keeps their text and can submit it against a new lease).
 */
export async function submitReview({
  db,
  user,
  outbox,
  input,
  now = new Date(),
}: {
  db: Database;
  user: SessionUser;
  outbox: Outbox;
  input: SubmitReviewInput;
  now?: Date;
}): Promise<SubmitReviewResult> {
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({
        submissionId: assignmentReviews.submissionId,
        lessonId: assignmentReviews.lessonId,
        reviewerEnrollmentId: assignmentReviews.reviewerEnrollmentId,
      })
      .from(assignmentReviews)
      .innerJoin(enrollments, eq(enrollments.id, assignmentReviews.reviewerEnrollmentId))
      .where(and(eq(assignmentReviews.id, input.reviewId), eq(enrollments.userId, user.id)));
    if (!found) throw new NotFoundError(REVIEW_NOT_FOUND);
    const [submission] = await tx
      .select()
      .from(assignmentSubmissions)
      .where(eq(assignmentSubmissions.id, found.submissionId))
      .for("update");
    const [review] = await tx
      .select()
      .from(assignmentReviews)
      .where(eq(assignmentReviews.id, input.reviewId));
    if (!submission || !review) throw new NotFoundError(REVIEW_NOT_FOUND);
    const assignment = await loadAssignment(tx, found.lessonId);
    const scores = scoreByRubric(assignment.rubric, input.scores);
    const given = () => reviewsGiven(tx, found.reviewerEnrollmentId, found.lessonId);
    if (review.submittedAt) {
      // A resend of the same review (a lost answer) is a success; anything else is a conflict.
      if (sameScores(review.scores ?? [], scores)) {
        return { reviewId: review.id, completedGrade: false, reviewsGiven: await given() };
      }
      throw new ConflictError("You already reviewed this submission; a review cannot be changed.");
    }
    if (review.leaseExpiresAt <= now) throw new ConflictError(LEASE_EXPIRED);
    if (submission.status === "graded" || submission.status === "needs_staff") {
      throw new ConflictError(
        "This submission's review window has closed, so your review is no longer needed. Choose “Review next” for another one.",
      );
    }
    const weight = assignment.settings.weightByCalibration
      ? reviewerWeight(
          (await calibrationOf(tx, found.reviewerEnrollmentId, found.lessonId)).accuracy,
        )
      : 1;
    await tx
      .update(assignmentReviews)
      .set({ submittedAt: now, scores, weight })
      .where(eq(assignmentReviews.id, review.id));
    const [done] = await tx
      .select({ n: count() })
      .from(assignmentReviews)
      .where(
        and(
          eq(assignmentReviews.submissionId, submission.id),
          isNotNull(assignmentReviews.submittedAt),
        ),
      );
    let completedGrade = false;
    if ((done?.n ?? 0) >= assignment.settings.reviewsNeeded) {
      completedGrade = await gradeFromPeers(tx, outbox, submission, assignment, "peers", now);
    }
    await settleCompletion(tx, outbox, found.reviewerEnrollmentId, found.lessonId, now);
    return { reviewId: review.id, completedGrade, reviewsGiven: await given() };
  });
}
