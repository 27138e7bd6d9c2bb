import { courseRatingReports, courseRatingResponses, courseRatings } from "@lumen/db";
import type { Outbox } from "@lumen/jobs";
import { and, eq, sql } from "drizzle-orm";
import { type Database, ForbiddenError, NotFoundError, type SessionUser } from "../kernel";
import { assertStaff, openReview } from "./access";
import { recomputeCourseRating } from "./aggregate";

/**
 * The course's instructors and admins hide a review (out of the list and the aggregate; its
 * open reports are resolved) or restore it. Reversible; the aggregate is recomputed.
 */
export async function setReviewHidden({
  db,
  outbox,
  user,
  input,
}: {
  db: Database;
  outbox: Outbox;
  user: SessionUser;
  input: { ratingId: string; hidden: boolean; reason: string };
}): Promise<{ hidden: boolean; ratingAverage: number; ratingCount: number }> {
  return db.transaction(async (tx) => {
    const { rating, course } = await openReview(tx, user, input.ratingId, { lock: true });
    assertStaff(course);
    await tx
      .update(courseRatings)
      .set({ hidden: input.hidden, hiddenReason: input.hidden ? input.reason : null })
      .where(eq(courseRatings.id, rating.id));
    if (input.hidden) {
      await tx
        .update(courseRatingReports)
        .set({ status: "resolved", resolverId: user.id, resolvedAt: sql`now()` })
        .where(
          and(eq(courseRatingReports.ratingId, rating.id), eq(courseRatingReports.status, "open")),
        );
    }
    const aggregate = await recomputeCourseRating(tx, outbox, course.id);
    return { hidden: input.hidden, ...aggregate };
  });
}

/**
 * The course's instructors post the one public response to a review (posting again edits
 * it). Admins moderate but do not speak for the course.
 */
export async function respondToReview({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: { ratingId: string; body: string };
}): Promise<{ ratingId: string }> {
  return db.transaction(async (tx) => {
    const { rating, course } = await openReview(tx, user, input.ratingId);
    if (!course.isStaff || user.role !== "instructor") {
      throw new ForbiddenError("Only this course's instructors can respond to its reviews.");
    }
    await tx
      .insert(courseRatingResponses)
      .values({ ratingId: rating.id, authorId: user.id, body: input.body })
      .onConflictDoUpdate({
        target: courseRatingResponses.ratingId,
        set: { authorId: user.id, body: input.body, updatedAt: sql`now()` },
      });
    return { ratingId: rating.id };
  });
}

/** Removes the course's response to a review (its instructors). */
export async function deleteReviewResponse({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: { ratingId: string };
}): Promise<{ ratingId: string }> {
  return db.transaction(async (tx) => {
    const { rating, course } = await openReview(tx, user, input.ratingId);
    if (!course.isStaff || user.role !== "instructor") {
      throw new ForbiddenError("Only this course's instructors can respond to its reviews.");
    }
    const deleted = await tx
      .delete(courseRatingResponses)
      .where(eq(courseRatingResponses.ratingId, rating.id))
      .returning({ ratingId: courseRatingResponses.ratingId });
    if (deleted.length === 0) throw new NotFoundError("This review has no response.");
    return { ratingId: rating.id };
  });
}
