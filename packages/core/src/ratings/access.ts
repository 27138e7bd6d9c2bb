import { courseRatings, courses } from "@lumen/db";
import { eq, sql } from "drizzle-orm";
import { isCourseInstructor, mayEditCourse } from "../access";
import { ForbiddenError, NotFoundError, type Queryable, type SessionUser } from "../kernel";

export const COURSE_NOT_FOUND = "We couldn't find that course.";
export const REVIEW_NOT_FOUND = "We couldn't find that review.";

/** A course as the ratings feature needs it, and whether the viewer moderates it. */
export interface RatedCourse {
  id: string;
  slug: string;
  status: "draft" | "published";
  /** The viewer is one of its instructors, or an admin. */
  isStaff: boolean;
}

/**
 * A course whose ratings the user may see: published ones for everyone, drafts for their
 * staff only (a draft "does not exist" for anyone else). `lock` takes the course row lock
 * every rating write takes first: writes of one course's ratings run one at a time, so each
 * one's recomputed aggregate sees every rating committed before it (ADR 0032).
 */
export async function openRatedCourse(
  db: Queryable,
  user: SessionUser | null,
  courseId: string,
  { lock = false } = {},
): Promise<RatedCourse> {
  const query = db
    .select({
      id: courses.id,
      slug: courses.slug,
      status: courses.status,
      isInstructor: user ? isCourseInstructor(user.id) : sql<boolean>`false`,
    })
    .from(courses)
    .where(eq(courses.id, courseId));
  const [row] = lock ? await query.for("no key update") : await query;
  if (!row) throw new NotFoundError(COURSE_NOT_FOUND);
  const isStaff = user ? mayEditCourse(user, row.isInstructor) : false;
  if (row.status !== "published" && !isStaff) throw new NotFoundError(COURSE_NOT_FOUND);
  return { id: row.id, slug: row.slug, status: row.status, isStaff };
}

export type RatingRow = typeof courseRatings.$inferSelect;

/**
 * A review the user may act on, with its course opened (and locked with `lock`, before the
 * review is read). A hidden review exists only for the course's staff and its author.
 */
export async function openReview(
  tx: Queryable,
  user: SessionUser,
  ratingId: string,
  { lock = false } = {},
): Promise<{ rating: RatingRow; course: RatedCourse }> {
  const [found] = await tx
    .select({ courseId: courseRatings.courseId })
    .from(courseRatings)
    .where(eq(courseRatings.id, ratingId));
  if (!found) throw new NotFoundError(REVIEW_NOT_FOUND);
  const course = await openRatedCourse(tx, user, found.courseId, { lock }).catch(() => {
    throw new NotFoundError(REVIEW_NOT_FOUND);
  });
  const [rating] = await tx.select().from(courseRatings).where(eq(courseRatings.id, ratingId));
  if (!rating) throw new NotFoundError(REVIEW_NOT_FOUND);
  if (rating.hidden && !course.isStaff && rating.userId !== user.id) {
    throw new NotFoundError(REVIEW_NOT_FOUND);
  }
  return { rating, course };
}

/** Refuses anyone who is not staff (instructor or admin) of the course. */
export function assertStaff(course: RatedCourse, doing = "moderate reviews"): void {
  if (!course.isStaff) {
    throw new ForbiddenError(`Only this course's instructors and admins can ${doing}.`);
  }
}
