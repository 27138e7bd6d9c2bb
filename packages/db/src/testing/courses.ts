import { randomUUID } from "node:crypto";
import type { Database } from "../client";
import { courseInstructors, courses, lessons, modules } from "../schema";

export type CourseInsert = typeof courses.$inferInsert;
export type LessonInsert = typeof lessons.$inferInsert;
export type LessonKind = LessonInsert["kind"];

let courseSeq = 0;

/** A course row's required columns, unique per call, then `overrides`. */
function courseRow(instructor: { id: string }, overrides: Partial<CourseInsert>): CourseInsert {
  courseSeq += 1;
  return {
    slug: `course-${courseSeq}-${randomUUID().slice(0, 8)}`,
    title: `Course ${courseSeq}`,
    category: "Computer Science",
    level: "beginner",
    language: "en",
    instructorId: instructor.id,
    status: "published",
    publishedAt: new Date(Date.UTC(2025, 0, courseSeq)),
    ...overrides,
  };
}

/** Many courses of `instructor` in one statement (generated catalogs), in the order given. */
export async function createCourses(
  db: Database,
  instructor: { id: string },
  overrides: ReadonlyArray<Partial<CourseInsert>>,
) {
  if (overrides.length === 0) return [];
  return db
    .insert(courses)
    .values(overrides.map((o) => courseRow(instructor, o)))
    .returning();
}

/**
 * A published course of `instructor` with a unique slug (drafts: `{ status: "draft",
 * publishedAt: null }`). `coInstructors` are added to the course's instructors; the owner is
 * not (the domain reads `instructorId` for them) unless `listOwner` is set, as createCourse does.
 */
export async function createCourse(
  db: Database,
  instructor: { id: string },
  {
    coInstructors = [],
    listOwner = false,
    ...overrides
  }: Partial<CourseInsert> & { coInstructors?: Array<{ id: string }>; listOwner?: boolean } = {},
) {
  const [course] = await db.insert(courses).values(courseRow(instructor, overrides)).returning();
  if (!course) throw new Error("course insert returned nothing");
  const listed = listOwner ? [instructor, ...coInstructors] : coInstructors;
  for (const user of listed) {
    await db.insert(courseInstructors).values({ courseId: course.id, userId: user.id });
  }
  return course;
}

/** A module at `position` (default 0) of a course. */
export async function createModule(
  db: Database,
  courseId: string,
  overrides: Partial<typeof modules.$inferInsert> = {},
) {
  const [mod] = await db
    .insert(modules)
    .values({ courseId, title: "Module", position: 0, ...overrides })
    .returning();
  if (!mod) throw new Error("module insert returned nothing");
  return mod;
}

/** A lesson of any kind (video by default) at `position` (default 0) of a module. */
export async function createLesson(
  db: Database,
  moduleId: string,
  overrides: Partial<LessonInsert> = {},
) {
  const [lesson] = await db
    .insert(lessons)
    .values({ moduleId, title: "Lesson", kind: "video", position: 0, ...overrides })
    .returning();
  if (!lesson) throw new Error("lesson insert returned nothing");
  return lesson;
}

/** Modules of video lessons (60 s each): `shape[i]` lessons in module i. */
export async function addOutline(db: Database, courseId: string, shape: number[]) {
  for (const [position, lessonCount] of shape.entries()) {
    const mod = await createModule(db, courseId, { title: `Module ${position + 1}`, position });
    for (let l = 0; l < lessonCount; l++) {
      await createLesson(db, mod.id, {
        title: `Lesson ${position + 1}.${l + 1}`,
        position: l,
        durationSeconds: 60,
      });
    }
  }
}

/** A video lesson in a module of its own, with its course id (what access checks need). */
export async function addVideoLesson(
  db: Database,
  courseId: string,
  overrides: Partial<LessonInsert> = {},
) {
  const mod = await createModule(db, courseId, { title: "Videos" });
  const lesson = await createLesson(db, mod.id, { title: "Watch me", ...overrides });
  return { ...lesson, courseId };
}

/** A lesson of any kind in a module of its own (see addVideoLesson). */
export async function addLessonOfKind(
  db: Database,
  courseId: string,
  kind: LessonKind,
  overrides: Partial<LessonInsert> = {},
) {
  return addVideoLesson(db, courseId, { title: `A ${kind} lesson`, kind, ...overrides });
}
