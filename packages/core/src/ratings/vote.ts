import { courseRatings, courseRatingVotes } from "@lumen/db";
import { and, eq, sql } from "drizzle-orm";
import { type Database, type SessionUser, ValidationError } from "../kernel";
import { openReview } from "./access";

/**
 * Marks a review helpful, or takes the mark back: one vote per user and review (the vote's
 * primary key), and the review's helpful count moves only with a vote actually added or
 * removed, in the same transaction, so it always equals the number of votes.
 */
export async function markReviewHelpful({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: { ratingId: string; helpful: boolean };
}): Promise<{ helpfulCount: number; votedHelpful: boolean }> {
  return db.transaction(async (tx) => {
    const { rating } = await openReview(tx, user, input.ratingId);
    if (rating.userId === user.id) {
      throw new ValidationError("You can't mark your own review as helpful.");
    }
    const changed = input.helpful
      ? await tx
          .insert(courseRatingVotes)
          .values({ ratingId: rating.id, userId: user.id })
          .onConflictDoNothing()
          .returning({ ratingId: courseRatingVotes.ratingId })
      : await tx
          .delete(courseRatingVotes)
          .where(
            and(eq(courseRatingVotes.ratingId, rating.id), eq(courseRatingVotes.userId, user.id)),
          )
          .returning({ ratingId: courseRatingVotes.ratingId });
    const delta = changed.length === 0 ? 0 : input.helpful ? 1 : -1;
    const [row] = await tx
      .update(courseRatings)
      .set({ helpfulCount: sql`${courseRatings.helpfulCount} + ${delta}` })
      .where(eq(courseRatings.id, rating.id))
      .returning({ helpfulCount: courseRatings.helpfulCount });
    return { helpfulCount: row?.helpfulCount ?? 0, votedHelpful: input.helpful };
  });
}
