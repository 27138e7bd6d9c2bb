import { courses, type Database, enrollments, users } from "@lumen/db";
import { type CourseCard, courseCardColumns, toCourseCard } from "@lumen/search";
import { and, count, desc, eq, isNull } from "drizzle-orm";
import type { SessionUser } from "../kernel";

export interface MyEnrollment {
  enrollmentId: string;
  enrolledAt: Date;
  completedAt: Date | null;
  course: CourseCard;
}

export interface MyEnrollmentsPage {
  items: MyEnrollment[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

const mine = (user: SessionUser) =>
  and(eq(enrollments.userId, user.id), isNull(enrollments.unenrolledAt));

function selectMine(db: Database, user: SessionUser) {
  return (
    db
      .select({
        enrollmentId: enrollments.id,
        enrolledAt: enrollments.enrolledAt,
        completedAt: enrollments.completedAt,
        course: courseCardColumns,
      })
      .from(enrollments)
      .innerJoin(courses, eq(courses.id, enrollments.courseId))
      .innerJoin(users, eq(users.id, courses.instructorId))
      .where(mine(user))
      // The id breaks ties so pages never repeat or skip a row.
      .orderBy(desc(enrollments.enrolledAt), desc(enrollments.id))
  );
}

/** The caller's active enrollments, most recent first. */
export async function listMyEnrollments({
  db,
  user,
}: {
  db: Database;
  user: SessionUser;
}): Promise<MyEnrollment[]> {
  const rows = await selectMine(db, user);
  return rows.map((row) => ({ ...row, course: toCourseCard(row.course) }));
}

/** One page of the caller's active enrollments (the public API pages every list). */
export async function pageOfMyEnrollments({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: { page: number; pageSize: number };
}): Promise<MyEnrollmentsPage> {
  const { page, pageSize } = input;
  const [rows, [counted]] = await Promise.all([
    selectMine(db, user)
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(enrollments).where(mine(user)),
  ]);
  const total = counted?.total ?? 0;
  return {
    items: rows.map((row) => ({ ...row, course: toCourseCard(row.course) })),
    total,
    page,
    pageSize,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  };
}
