import {
  certificates,
  type Database,
  enrollments,
  lessonProgress,
  lessons,
  modules,
  users,
} from "@lumen/db";
import { and, desc, eq, ilike, isNull, or, type SQL, sql } from "drizzle-orm";
import { assertCanEditCourse } from "../access";
import { completionPercent, quizPassed } from "../enrollment";
import type { SessionUser } from "../kernel";
import type { CourseLearnersInput } from "./inputs";
import type { CourseLearners } from "./types";

/** SQL: completed required lessons of the enrollment row in scope (`enrollments`). */
const completedRequired = sql<number>`(
  select count(*)::int from ${lessonProgress}
  join ${lessons} on ${lessons.id} = ${lessonProgress.lessonId}
  join ${modules} on ${modules.id} = ${lessons.moduleId}
  where ${lessonProgress.enrollmentId} = ${enrollments.id}
    and ${modules.courseId} = ${enrollments.courseId}
    and not ${lessons.isOptional} and ${lessonProgress.completedAt} is not null)`;

/** SQL: the same exact percent as completionPercent(), for sorting and banding in Postgres. */
const percentOf = (required: number): SQL<number> =>
  required > 0
    ? sql<number>`least(100, floor(100.0 * ${completedRequired} / ${required}))::int`
    : sql<number>`0`;

/**
 * A course's active learners with their progress, for the course's instructors and admins
 * only (anyone else is refused as authoring refuses them). `distribution` counts the
 * learners matching the filter per 10 %-wide band (index 10: finished).
 */
export async function listCourseLearners({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: CourseLearnersInput;
}): Promise<CourseLearners> {
  const course = await assertCanEditCourse(db, user, input.courseId);
  const [counted] = await db
    .select({ required: sql<number>`count(*)::int` })
    .from(lessons)
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .where(and(eq(modules.courseId, course.id), eq(lessons.isOptional, false)));
  const requiredLessons = Number(counted?.required ?? 0);
  const percent = percentOf(requiredLessons);

  const pattern = `%${input.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const where = and(
    eq(enrollments.courseId, course.id),
    isNull(enrollments.unenrolledAt),
    input.query ? or(ilike(users.name, pattern), ilike(users.email, pattern)) : undefined,
  );
  const [bands, page] = await Promise.all([
    db
      .select({ band: sql<number>`(${percent}) / 10`, learners: sql<number>`count(*)::int` })
      .from(enrollments)
      .innerJoin(users, eq(users.id, enrollments.userId))
      .where(where)
      .groupBy(sql`1`),
    db
      .select({
        userId: users.id,
        name: users.name,
        email: users.email,
        enrollmentId: enrollments.id,
        enrolledAt: enrollments.enrolledAt,
        completedRequired,
        lastActivityAt: sql`(select max(lp.updated_at) from lesson_progress lp
          where lp.enrollment_id = ${enrollments.id})`.mapWith(lessonProgress.updatedAt),
        quizzesPassed: sql<number>`(select count(*)::int from quizzes q
          join lessons l on l.id = q.lesson_id join modules m on m.id = l.module_id
          where m.course_id = ${enrollments.courseId}
            and ${quizPassed(sql`${enrollments.id}`, sql`q.lesson_id`)})`,
        certificateId: certificates.id,
        certificateRevokedAt: certificates.revokedAt,
      })
      .from(enrollments)
      .innerJoin(users, eq(users.id, enrollments.userId))
      .leftJoin(certificates, eq(certificates.enrollmentId, enrollments.id))
      .where(where)
      .orderBy(desc(enrollments.enrolledAt), desc(enrollments.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
  ]);

  const distribution = Array.from({ length: 11 }, () => 0);
  for (const b of bands) distribution[Number(b.band)] = Number(b.learners);
  return {
    total: distribution.reduce((a, b) => a + b, 0),
    page: input.page,
    pageSize: input.pageSize,
    requiredLessons,
    distribution,
    learners: page.map((row) => {
      const done = Number(row.completedRequired);
      return {
        userId: row.userId,
        name: row.name,
        email: row.email,
        enrollmentId: row.enrollmentId,
        enrolledAt: row.enrolledAt.toISOString(),
        percent: completionPercent(done, requiredLessons),
        completedRequired: done,
        lastActivityAt: row.lastActivityAt?.toISOString() ?? null,
        quizzesPassed: Number(row.quizzesPassed),
        certificate: row.certificateId
          ? {
              id: row.certificateId,
              revokedAt: row.certificateRevokedAt?.toISOString() ?? null,
            }
          : null,
      };
    }),
  };
}
