import { courses, type Database, lessons, modules, users, videoAssets } from "@lumen/db";
import { type CourseCard, courseCardColumns, toCourseCard } from "@lumen/search";
import { asc, eq, sql } from "drizzle-orm";
import { isCourseInstructor, mayEditCourse } from "../access";
import { findActiveEnrollment } from "../enrollment";
import { NotFoundError, type SessionUser } from "../kernel";

export interface CourseOutline extends CourseCard {
  description: string;
  status: "draft" | "published";
  modules: Array<{
    id: string;
    title: string;
    lessons: Array<{
      id: string;
      title: string;
      kind: string;
      durationSeconds: number;
      /** Free preview: playable without enrolling (and without signing in). */
      isPreview: boolean;
      /** Not counted in course completion (extra reading, bonus material). */
      isOptional: boolean;
      /** The lesson has a video a player can open now. */
      hasVideo: boolean;
    }>;
  }>;
  lessonCount: number;
  durationSeconds: number;
  /** The caller's active enrollment in this course, if any. */
  enrollment: { id: string; enrolledAt: Date } | null;
  /**
   * The caller may edit this course (one of its instructors, or an admin): they may open every
   * lesson without enrolling, as a preview that records no progress.
   */
  viewerCanEdit: boolean;
}

/**
 * A course with its outline. Drafts are visible only to their instructor and admins; to
 * everyone else they do not exist.
 */
export async function getCourseBySlug({
  db,
  user,
  slug,
}: {
  db: Database;
  user: SessionUser | null;
  slug: string;
}): Promise<CourseOutline> {
  const [course] = await db
    .select({
      ...courseCardColumns,
      description: courses.description,
      status: courses.status,
      isInstructor: user ? isCourseInstructor(user.id) : sql<boolean>`false`,
    })
    .from(courses)
    .innerJoin(users, eq(users.id, courses.instructorId))
    .where(eq(courses.slug, slug))
    .limit(1);
  // Drafts are visible to whoever may edit them (preview as learner), and to nobody else.
  const viewerCanEdit = user !== null && mayEditCourse(user, course?.isInstructor ?? false);
  if (!course || (course.status !== "published" && !viewerCanEdit)) {
    throw new NotFoundError(`No course with slug "${slug}".`);
  }
  const [rows, enrollment] = await Promise.all([
    db
      .select({
        moduleId: modules.id,
        moduleTitle: modules.title,
        lessonId: lessons.id,
        lessonTitle: lessons.title,
        kind: lessons.kind,
        durationSeconds: lessons.durationSeconds,
        isPreview: lessons.isPreview,
        isOptional: lessons.isOptional,
        hasVideo: sql<boolean>`${videoAssets.playableAt} is not null`,
      })
      .from(modules)
      .leftJoin(lessons, eq(lessons.moduleId, modules.id))
      .leftJoin(videoAssets, eq(videoAssets.id, lessons.videoAssetId))
      .where(eq(modules.courseId, course.id))
      .orderBy(asc(modules.position), asc(lessons.position)),
    user ? findActiveEnrollment(db, user.id, course.id) : null,
  ]);
  const outline = new Map<string, CourseOutline["modules"][number]>();
  for (const row of rows) {
    let mod = outline.get(row.moduleId);
    if (!mod) {
      mod = { id: row.moduleId, title: row.moduleTitle, lessons: [] };
      outline.set(row.moduleId, mod);
    }
    if (row.lessonId && row.lessonTitle && row.kind) {
      mod.lessons.push({
        id: row.lessonId,
        title: row.lessonTitle,
        kind: row.kind,
        durationSeconds: row.durationSeconds ?? 0,
        isPreview: row.isPreview ?? false,
        isOptional: row.isOptional ?? false,
        hasVideo: row.hasVideo,
      });
    }
  }
  const allLessons = [...outline.values()].flatMap((m) => m.lessons);
  const { isInstructor: _editor, description, status, ...card } = course;
  return {
    ...toCourseCard(card),
    description,
    status,
    modules: [...outline.values()],
    lessonCount: allLessons.length,
    durationSeconds: allLessons.reduce((sum, l) => sum + l.durationSeconds, 0),
    enrollment,
    viewerCanEdit,
  };
}
