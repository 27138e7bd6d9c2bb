import { courses, type Database, enrollments } from "@lumen/db";
import { eq, sql } from "drizzle-orm";
import { NotFoundError, type SessionUser } from "../kernel";
import { isActiveEnrollment } from "./active";

/**
 * Leaves a course. The enrollment row is kept (marked unenrolled) so progress survives a
 * later re-enrollment; the course's count drops only if this call ended an active one.
 */
export async function unenrollFromCourse({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: { courseId: string };
}): Promise<{ unenrolled: boolean }> {
  return db.transaction(async (tx) => {
    const [course] = await tx
      .select({ id: courses.id })
      .from(courses)
      .where(eq(courses.id, input.courseId));
    if (!course) throw new NotFoundError("That course does not exist.");
    const [ended] = await tx
      .update(enrollments)
      .set({ unenrolledAt: new Date() })
      .where(isActiveEnrollment(user.id, course.id))
      .returning({ id: enrollments.id });
    if (!ended) return { unenrolled: false };
    await tx
      .update(courses)
      .set({ enrollmentCount: sql`${courses.enrollmentCount} - 1` })
      .where(eq(courses.id, course.id));
    return { unenrolled: true };
  });
}
