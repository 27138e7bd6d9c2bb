import { assignmentReviews, assignmentSubmissions, type Database } from "@lumen/db";
import { and, eq, isNotNull } from "drizzle-orm";
import { ConflictError, NotFoundError, type SessionUser } from "../kernel";

/**
 * The author of a graded submission flags one of its reviews as unfair; it goes to the
 * course's staff (the backlog's flagged list). Flagging twice keeps the first reason.
 */
export async function flagReview({
  db,
  user,
  input,
  now = new Date(),
}: {
  db: Database;
  user: SessionUser;
  input: { reviewId: string; reason: string };
  now?: Date;
}): Promise<{ reviewId: string; flaggedAt: string }> {
  const [found] = await db
    .select({
      status: assignmentSubmissions.status,
      flaggedAt: assignmentReviews.flaggedAt,
    })
    .from(assignmentReviews)
    .innerJoin(assignmentSubmissions, eq(assignmentSubmissions.id, assignmentReviews.submissionId))
    .where(
      and(
        eq(assignmentReviews.id, input.reviewId),
        eq(assignmentSubmissions.userId, user.id),
        isNotNull(assignmentReviews.submittedAt),
      ),
    );
  // Someone else's review, or a lease: it does not exist for this user.
  if (!found) throw new NotFoundError("We couldn't find that review.");
  if (found.status !== "graded") {
    throw new ConflictError("You can flag a review once your submission has been graded.");
  }
  if (found.flaggedAt)
    return { reviewId: input.reviewId, flaggedAt: found.flaggedAt.toISOString() };
  await db
    .update(assignmentReviews)
    .set({ flaggedAt: now, flagReason: input.reason })
    .where(eq(assignmentReviews.id, input.reviewId));
  return { reviewId: input.reviewId, flaggedAt: now.toISOString() };
}
