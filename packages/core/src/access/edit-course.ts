import { courseInstructors, courses, type Database } from "@lumen/db";
import { eq, type Placeholder, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { ForbiddenError, NotFoundError, type SessionUser } from "../kernel";

/** The course row as mutations need it, read after the editor check. */
export interface EditableCourse {
  id: string;
  slug: string;
  status: "draft" | "published";
  publishedAt: Date | null;
  updatedAt: Date;
}

/**
 * SQL: is this user one of the course's instructors (catalog instructor or co-instructor)?
 * `userId` is a value, or a column when the check runs per row (a post's author).
 */
export function isCourseInstructor(userId: string | Placeholder | SQLWrapper): SQL<boolean> {
  return sql<boolean>`(${courses.instructorId} = ${userId} or exists (
    select 1 from ${courseInstructors}
    where ${courseInstructors.courseId} = ${courses.id}
      and ${courseInstructors.userId} = ${userId}))`;
}

/** Whether a user with this role, instructor of the course or not, may edit (and preview) it. */
export function mayEditCourse(user: SessionUser, isInstructor: boolean): boolean {
  // A learner is never an editor, even if a stale instructor row says otherwise.
  return user.role === "admin" || (user.role === "instructor" && isInstructor);
}

/**
 * Loads a course the user may edit: one of its instructors (a course_instructors row, or the
 * catalog instructor) or an admin. Anyone else is refused without learning more than they
 * could see anyway: a draft they don't own "does not exist" (NOT_FOUND), a published course
 * is public, so they are told it is not theirs (FORBIDDEN).
 *
 * `lock` takes the course row lock (SELECT … FOR UPDATE). Every mutation locks first, so
 * edits of one course run one at a time: positions, updatedAt and the optimistic check
 * cannot interleave.
 */
export async function assertCanEditCourse(
  db: Database,
  user: SessionUser,
  courseId: string,
  { lock = false, notFound = "We couldn't find that course." } = {},
): Promise<EditableCourse> {
  const query = db
    .select({
      id: courses.id,
      slug: courses.slug,
      status: courses.status,
      publishedAt: courses.publishedAt,
      updatedAt: courses.updatedAt,
      isInstructor: isCourseInstructor(user.id),
    })
    .from(courses)
    .where(eq(courses.id, courseId));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw new NotFoundError(notFound);
  if (!mayEditCourse(user, row.isInstructor)) {
    if (row.status !== "published") throw new NotFoundError(notFound);
    throw new ForbiddenError("Only this course's instructors can change it.");
  }
  const { isInstructor: _, ...course } = row;
  return course;
}
