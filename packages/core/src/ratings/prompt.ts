import { courseRatingPrompts, courseRatings } from "@lumen/db";
import { and, eq } from "drizzle-orm";
import { findActiveEnrollment } from "../enrollment";
import { type Database, NotFoundError, type Queryable, type SessionUser } from "../kernel";
import { openRatedCourse } from "./access";
import { ratingEligibility } from "./eligibility";
import {
  DEFAULT_RATING_POLICY,
  PROMPT_MILESTONES,
  type PromptMilestone,
  type RatingPolicy,
} from "./policy";

/**
 * Whether to ask the learner to rate the course now: once when they pass 50 % and once at
 * completion (a learner who jumps past both is asked once, for completion), never when they
 * rated it already or may not rate it yet. The client shows it without blocking anything and
 * calls dismissRatingPrompt when it was shown.
 */
export async function getRatingPrompt({
  db,
  user,
  input,
  ratings = DEFAULT_RATING_POLICY,
}: {
  db: Queryable;
  user: SessionUser;
  input: { courseId: string };
  ratings?: RatingPolicy | undefined;
}): Promise<{ milestone: PromptMilestone } | null> {
  const course = await openRatedCourse(db, user, input.courseId);
  const eligibility = await ratingEligibility(db, user, course, ratings);
  if (!eligibility.eligible) return null;
  const [rated] = await db
    .select({ id: courseRatings.id })
    .from(courseRatings)
    .where(and(eq(courseRatings.courseId, course.id), eq(courseRatings.userId, user.id)));
  if (rated) return null;
  const reached = PROMPT_MILESTONES.filter((m) => eligibility.percent >= m);
  const highest = reached[reached.length - 1];
  if (highest === undefined) return null;
  const seen = await db
    .select({ milestone: courseRatingPrompts.milestone })
    .from(courseRatingPrompts)
    .where(eq(courseRatingPrompts.enrollmentId, eligibility.enrollmentId));
  return seen.some((s) => s.milestone === highest) ? null : { milestone: highest };
}

/** Records that the prompt for `milestone` (and any earlier one) was shown: it never returns. */
export async function dismissRatingPrompt({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: { courseId: string; milestone: PromptMilestone };
}): Promise<{ dismissed: true }> {
  const course = await openRatedCourse(db, user, input.courseId);
  const enrollment = await findActiveEnrollment(db, user.id, course.id);
  if (!enrollment) throw new NotFoundError("You aren't enrolled in this course.");
  await db
    .insert(courseRatingPrompts)
    .values(
      PROMPT_MILESTONES.filter((m) => m <= input.milestone).map((milestone) => ({
        enrollmentId: enrollment.id,
        milestone,
      })),
    )
    .onConflictDoNothing();
  return { dismissed: true };
}
