import { courses, type Database, enrollments } from "@lumen/db";
import type { Outbox } from "@lumen/jobs";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { NotFoundError, type SessionUser } from "../kernel";
import { emitWebhookEvent } from "../webhook-events";

/**
 * Enrolls the learner; idempotent: `created` is false when an active enrollment already
 * existed (a reactivated one counts as created). The unique (user, course) row makes concurrent calls
 * converge on one enrollment, and the course's count moves only when a row actually
 * became active, in the same transaction, so it stays exact; so does the
 * `enrollment.created` webhook event (sent through the outbox only when `created`).
 */
export async function enrollInCourse({
  db,
  user,
  outbox,
  input,
}: {
  db: Database;
  user: SessionUser;
  outbox: Outbox;
  input: { courseId: string };
}): Promise<{ enrollmentId: string; created: boolean }> {
  return db.transaction(async (tx) => {
    const [course] = await tx
      .select({ id: courses.id })
      .from(courses)
      .where(and(eq(courses.id, input.courseId), eq(courses.status, "published")));
    if (!course)
      throw new NotFoundError("That course does not exist or is not open for enrollment.");

    const becameActive = async (enrollmentId: string, enrolledAt: Date) => {
      await tx
        .update(courses)
        .set({ enrollmentCount: sql`${courses.enrollmentCount} + 1` })
        .where(eq(courses.id, course.id));
      await emitWebhookEvent(tx, outbox, {
        type: "enrollment.created",
        userId: user.id,
        courseId: course.id,
        at: enrolledAt,
        data: {
          enrollment_id: enrollmentId,
          course_id: course.id,
          user_id: user.id,
          enrolled_at: enrolledAt.toISOString(),
        },
      });
      return { enrollmentId, created: true };
    };

    const [created] = await tx
      .insert(enrollments)
      .values({ userId: user.id, courseId: course.id })
      .onConflictDoNothing({ target: [enrollments.userId, enrollments.courseId] })
      .returning({ id: enrollments.id, enrolledAt: enrollments.enrolledAt });
    if (created) return becameActive(created.id, created.enrolledAt);
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
      .returning({ id: enrollments.id, enrolledAt: enrollments.enrolledAt });
    if (reactivated) return becameActive(reactivated.id, reactivated.enrolledAt);
    const [existing] = await tx
      .select({ id: enrollments.id })
      .from(enrollments)
      .where(and(eq(enrollments.userId, user.id), eq(enrollments.courseId, course.id)));
    if (!existing) throw new Error("enrollment vanished between conflict and read");
    return { enrollmentId: existing.id, created: false };
  });
}
