import { courseRatings } from "@lumen/db";
import type { Outbox } from "@lumen/jobs";
import { and, eq, sql } from "drizzle-orm";
import { type Database, ForbiddenError, NotFoundError, type SessionUser } from "../kernel";
import { openRatedCourse } from "./access";
import { recomputeCourseRating } from "./aggregate";
import { ratingEligibility } from "./eligibility";
import type { RateCourseInput } from "./inputs";
import { DEFAULT_RATING_POLICY, type RatingPolicy } from "./policy";

export interface RateResult {
  ratingId: string;
  /** False when this replaced the learner's earlier rating (an edit). */
  created: boolean;
  ratingAverage: number;
  ratingCount: number;
}

/**
 * Rates the course, or changes the learner's rating: one per learner and course (a unique
 * constraint; parallel submits serialize on the course row lock and end in one row). Refused
 * with the reason when the learner is not eligible (see ratingEligibility).
 */
export async function rateCourse({
  db,
  outbox,
  user,
  input,
  ratings = DEFAULT_RATING_POLICY,
}: {
  db: Database;
  outbox: Outbox;
  user: SessionUser;
  input: RateCourseInput;
  ratings?: RatingPolicy | undefined;
}): Promise<RateResult> {
  return db.transaction(async (tx) => {
    const course = await openRatedCourse(tx, user, input.courseId, { lock: true });
    const eligibility = await ratingEligibility(tx, user, course, ratings);
    if (!eligibility.eligible) throw new ForbiddenError(eligibility.message);
    const [row] = await tx
      .insert(courseRatings)
      .values({
        courseId: course.id,
        userId: user.id,
        stars: input.stars,
        title: input.title,
        body: input.body,
      })
      .onConflictDoUpdate({
        target: [courseRatings.courseId, courseRatings.userId],
        set: {
          stars: input.stars,
          title: input.title,
          body: input.body,
          updatedAt: sql`now()`,
        },
      })
      // xmax = 0 only on a row this statement inserted.
      .returning({ id: courseRatings.id, created: sql<boolean>`(xmax = 0)` });
    if (!row) throw new Error("rateCourse: the upsert returned no row");
    const aggregate = await recomputeCourseRating(tx, outbox, course.id);
    return { ratingId: row.id, created: row.created, ...aggregate };
  });
}

/** Deletes the learner's own rating of the course (and its votes, reports and response). */
export async function deleteMyRating({
  db,
  outbox,
  user,
  input,
}: {
  db: Database;
  outbox: Outbox;
  user: SessionUser;
  input: { courseId: string };
}): Promise<{ ratingAverage: number; ratingCount: number }> {
  return db.transaction(async (tx) => {
    const course = await openRatedCourse(tx, user, input.courseId, { lock: true });
    const deleted = await tx
      .delete(courseRatings)
      .where(and(eq(courseRatings.courseId, course.id), eq(courseRatings.userId, user.id)))
      .returning({ id: courseRatings.id });
    if (deleted.length === 0) throw new NotFoundError("You haven't rated this course.");
    return recomputeCourseRating(tx, outbox, course.id);
  });
}
