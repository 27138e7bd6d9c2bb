import { enrollments } from "@lumen/db";
import { and, eq, isNull, type Placeholder, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Queryable } from "../kernel";

/**
 * SQL: this `enrollments` row is the user's in the course and still active (not left). There
 * is at most one: an enrollment is unique per (user, course). `courseId` is a value, or a
 * column when the check runs inside another query (`exists (select 1 from enrollments …)`).
 */
export function isActiveEnrollment(
  userId: string | Placeholder | SQLWrapper,
  courseId: string | SQLWrapper,
): SQL | undefined {
  return and(
    eq(enrollments.userId, userId),
    eq(enrollments.courseId, courseId),
    isNull(enrollments.unenrolledAt),
  );
}

export interface ActiveEnrollment {
  id: string;
  enrolledAt: Date;
}

/** The user's active enrollment in the course; null when they never enrolled or left. */
export async function findActiveEnrollment(
  db: Queryable,
  userId: string,
  courseId: string,
): Promise<ActiveEnrollment | null> {
  const [row] = await db
    .select({ id: enrollments.id, enrolledAt: enrollments.enrolledAt })
    .from(enrollments)
    .where(isActiveEnrollment(userId, courseId));
  return row ?? null;
}
