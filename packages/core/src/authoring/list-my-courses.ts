import { courseInstructors, courses, type Database, lessons, modules } from "@lumen/db";
import { count, desc, eq, exists, or, sql } from "drizzle-orm";
import type { SessionUser } from "../kernel";
import type { MyCoursesInput } from "./course-inputs";

export interface AuthoredCourse {
  id: string;
  slug: string;
  title: string;
  status: "draft" | "published";
  updatedAt: string;
  publishedAt: string | null;
  moduleCount: number;
  lessonCount: number;
  enrollmentCount: number;
}

export interface AuthoredCoursePage {
  items: AuthoredCourse[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

/**
 * The courses the user can edit, most recently changed first. Admins can edit every course,
 * so they get all of them — hence the paging.
 */
export async function listMyCourses({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: MyCoursesInput;
}): Promise<AuthoredCoursePage> {
  const where =
    user.role === "admin"
      ? undefined
      : or(
          eq(courses.instructorId, user.id),
          exists(
            db
              .select({ one: sql`1` })
              .from(courseInstructors)
              .where(
                sql`${courseInstructors.courseId} = ${courses.id} and ${courseInstructors.userId} = ${user.id}`,
              ),
          ),
        );
  const moduleCount = db
    .select({ n: count() })
    .from(modules)
    .where(eq(modules.courseId, courses.id));
  const lessonCount = db
    .select({ n: count() })
    .from(lessons)
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .where(eq(modules.courseId, courses.id));
  const [rows, [totals]] = await Promise.all([
    db
      .select({
        id: courses.id,
        slug: courses.slug,
        title: courses.title,
        status: courses.status,
        updatedAt: courses.updatedAt,
        publishedAt: courses.publishedAt,
        enrollmentCount: courses.enrollmentCount,
        moduleCount: sql<number>`(${moduleCount})`.mapWith(Number),
        lessonCount: sql<number>`(${lessonCount})`.mapWith(Number),
      })
      .from(courses)
      .where(where)
      .orderBy(desc(courses.updatedAt), desc(courses.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ total: count() }).from(courses).where(where),
  ]);
  const total = totals?.total ?? 0;
  return {
    items: rows.map((r) => ({
      ...r,
      updatedAt: r.updatedAt.toISOString(),
      publishedAt: r.publishedAt?.toISOString() ?? null,
    })),
    total,
    page: input.page,
    pageSize: input.pageSize,
    pageCount: Math.max(1, Math.ceil(total / input.pageSize)),
  };
}
