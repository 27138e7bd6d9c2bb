import { certificates, courses, type Database, enrollments } from "@lumen/db";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { SessionUser } from "../kernel";
import { loadOutlines, summarizeOutline } from "./outline";
import type { MyProgress } from "./types";

/** The signed-in learner's progress in every course they are enrolled in, and overall. */
export async function getMyProgress({
  db,
  user,
}: {
  db: Database;
  user: SessionUser;
}): Promise<MyProgress> {
  const rows = await db
    .select({
      enrollmentId: enrollments.id,
      courseId: courses.id,
      slug: courses.slug,
      title: courses.title,
      certificateId: certificates.id,
    })
    .from(enrollments)
    .innerJoin(courses, eq(courses.id, enrollments.courseId))
    .leftJoin(certificates, eq(certificates.enrollmentId, enrollments.id))
    .where(and(eq(enrollments.userId, user.id), isNull(enrollments.unenrolledAt)))
    .orderBy(desc(enrollments.enrolledAt), desc(enrollments.id));
  const outlines = await loadOutlines(
    db,
    rows.map((r) => r.enrollmentId),
  );
  const list = rows.map((row) => ({
    row,
    summary: summarizeOutline(outlines.get(row.enrollmentId) ?? []),
  }));
  // Most recently active first; never-started courses keep their enrollment order after them.
  list.sort((a, b) =>
    (b.summary.lastActivityAt ?? "").localeCompare(a.summary.lastActivityAt ?? ""),
  );
  const percents = list.map((c) => c.summary.percent);
  return {
    overall: {
      courses: list.length,
      completedCourses: percents.filter((p) => p === 100).length,
      lessonsCompleted: list.reduce((sum, c) => sum + c.summary.lessonsCompleted, 0),
      percent: percents.length
        ? Math.floor(percents.reduce((a, b) => a + b, 0) / percents.length)
        : 0,
    },
    courses: list.map(({ row, summary }) => ({
      enrollmentId: row.enrollmentId,
      courseId: row.courseId,
      slug: row.slug,
      title: row.title,
      percent: summary.percent,
      completedRequired: summary.completedRequired,
      requiredLessons: summary.requiredLessons,
      lastActivityAt: summary.lastActivityAt,
      resumeLessonId: summary.resumeLessonId,
      certificateId: row.certificateId,
    })),
  };
}
