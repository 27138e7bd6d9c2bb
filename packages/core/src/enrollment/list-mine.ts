import { courses, type Database, enrollments, users } from "@lumen/db";
import { type CourseCard, courseCardColumns, toCourseCard } from "@lumen/search";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { SessionUser } from "../kernel";

export interface MyEnrollment {
  enrollmentId: string;
  enrolledAt: Date;
  completedAt: Date | null;
  course: CourseCard;
}

/** The caller's active enrollments, most recent first. */
export async function listMyEnrollments({
  db,
  user,
}: {
  db: Database;
  user: SessionUser;
}): Promise<MyEnrollment[]> {
  const rows = await db
    .select({
      enrollmentId: enrollments.id,
      enrolledAt: enrollments.enrolledAt,
      completedAt: enrollments.completedAt,
      course: courseCardColumns,
    })
    .from(enrollments)
    .innerJoin(courses, eq(courses.id, enrollments.courseId))
    .innerJoin(users, eq(users.id, courses.instructorId))
    .where(and(eq(enrollments.userId, user.id), isNull(enrollments.unenrolledAt)))
    .orderBy(desc(enrollments.enrolledAt));
  return rows.map((row) => ({ ...row, course: toCourseCard(row.course) }));
}
