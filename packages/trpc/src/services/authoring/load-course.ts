import { courses, type Database, lessons, modules } from "@lumen/db";
import { asc, eq } from "drizzle-orm";
import { NotFoundError } from "../../errors";

type LessonKind = (typeof lessons.$inferSelect)["kind"];

export interface DraftLesson {
  id: string;
  title: string;
  kind: LessonKind;
  position: number;
  durationSeconds: number;
  body: string;
}
export interface DraftModule {
  id: string;
  title: string;
  position: number;
  lessons: DraftLesson[];
}

/** Everything the editor and the publish checks look at, outline in display order. */
export async function loadCourseDraft(db: Database, courseId: string) {
  const [course] = await db
    .select({
      id: courses.id,
      slug: courses.slug,
      title: courses.title,
      subtitle: courses.subtitle,
      description: courses.description,
      category: courses.category,
      level: courses.level,
      language: courses.language,
      tags: courses.tags,
      coverImageKey: courses.coverImageKey,
      status: courses.status,
      publishedAt: courses.publishedAt,
      updatedAt: courses.updatedAt,
    })
    .from(courses)
    .where(eq(courses.id, courseId));
  if (!course) throw new NotFoundError("We couldn't find that course.");
  const [moduleRows, lessonRows] = await Promise.all([
    db
      .select({ id: modules.id, title: modules.title, position: modules.position })
      .from(modules)
      .where(eq(modules.courseId, courseId))
      .orderBy(asc(modules.position), asc(modules.createdAt), asc(modules.id)),
    db
      .select({
        id: lessons.id,
        moduleId: lessons.moduleId,
        title: lessons.title,
        kind: lessons.kind,
        position: lessons.position,
        durationSeconds: lessons.durationSeconds,
        body: lessons.body,
      })
      .from(lessons)
      .innerJoin(modules, eq(modules.id, lessons.moduleId))
      .where(eq(modules.courseId, courseId))
      .orderBy(asc(lessons.position), asc(lessons.createdAt), asc(lessons.id)),
  ]);
  const outline: DraftModule[] = moduleRows.map((m) => ({ ...m, lessons: [] }));
  const byId = new Map(outline.map((m) => [m.id, m]));
  for (const { moduleId, ...lesson } of lessonRows) byId.get(moduleId)?.lessons.push(lesson);
  return { ...course, modules: outline };
}

export type CourseDraft = Awaited<ReturnType<typeof loadCourseDraft>>;
