import { courses, type Database, enrollments } from "@lumen/db";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { NotFoundError, type SessionUser } from "../kernel";

/**
 * Enrolls the learner; idempotent: `created` is false when an active enrollment already
 * existed (a reactivated one counts as created). The unique (user, course) row makes concurrent calls
 * converge on one enrollment, and the course's count moves only when a row actually
 * became active, in the same transaction, so it stays exact.
 */
export async function enrollInCourse({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: { courseId: string };
}): Promise<{ enrollmentId: string; created: boolean }> {
  return db.transaction(async (tx) => {
    const [course] = await tx
      .select({ id: courses.id })
      .from(courses)
      .where(and(eq(courses.id, input.courseId), eq(courses.status, "published")));
    if (!course)
      throw new NotFoundError("That course does not exist or is not open for enrollment.");

    const bumpCount = () =>
      tx
        .update(courses)
        .set({ enrollmentCount: sql`${courses.enrollmentCount} + 1` })
        .where(eq(courses.id, course.id));

    const [created] = await tx
      .insert(enrollments)
      .values({ userId: user.id, courseId: course.id })
      .onConflictDoNothing({ target: [enrollments.userId, enrollments.courseId] })
      .returning({ id: enrollments.id });
    if (created) {
      await bumpCount();
      return { enrollmentId: created.id, created: true };
    }
    // The row exists: reactivate it if the learner had left (row lock serializes racers).
    const [reactivated] = await tx
      .update(enrollments)
      .set({ unenrolledAt: null, enrolledAt: new Date() })
      .where(
        and(
          eq(enrollments.userId, user.id),
          eq(enrollments.courseId, course.id),
          isNotNull(enrollments.unenrolledAt),
        ),
      )
      .returning({ id: enrollments.id });
    if (reactivated) {
      await bumpCount();
      return { enrollmentId: reactivated.id, created: true };
    }
    const [existing] = await tx
      .select({ id: enrollments.id })
      .from(enrollments)
      .where(and(eq(enrollments.userId, user.id), eq(enrollments.courseId, course.id)));
    if (!existing) throw new Error("enrollment vanished between conflict and read");
    return { enrollmentId: existing.id, created: false };
  });
}
