import { sql } from "drizzle-orm";
import type { Database } from "../client";
import { modules } from "../schema";
import { createCourse, createLesson, createModule, type LessonKind } from "./courses";
import { createEnrollment, createQuiz } from "./learning";
import { createUser } from "./users";
import { createVideoAsset } from "./video";

/** A lesson to build: video lessons get a current asset of `videoSeconds` (null: unknown). */
export interface LessonSpec {
  kind: LessonKind;
  isOptional?: boolean;
  videoSeconds?: number | null;
  /** Quiz lessons: whether passing is required for the certificate (default true). */
  requiredForCertificate?: boolean;
}

/** A published course whose lessons follow `specs` in outline order (one module). */
export async function createCourseWithLessons(
  db: Database,
  instructor: { id: string },
  specs: readonly LessonSpec[],
) {
  const course = await createCourse(db, instructor);
  const lessonIds = await appendLessons(db, course.id, instructor, specs);
  return { course, lessonIds };
}

/** Adds lessons to a course, in a new module after its existing ones. */
export async function appendLessons(
  db: Database,
  courseId: string,
  instructor: { id: string },
  specs: readonly LessonSpec[],
): Promise<string[]> {
  const [mod] = await db
    .insert(modules)
    .values({
      courseId,
      title: "Module",
      position: sql`(select count(*) from modules where course_id = ${courseId})`,
    })
    .returning({ id: modules.id });
  if (!mod) throw new Error("module insert returned nothing");
  const ids: string[] = [];
  for (const [position, spec] of specs.entries()) {
    const lesson = await createLesson(db, mod.id, {
      title: `${spec.kind} ${position + 1}`,
      kind: spec.kind,
      position,
      isOptional: spec.isOptional ?? false,
    });
    ids.push(lesson.id);
    if (spec.kind === "video") {
      await createVideoAsset(db, { id: lesson.id, courseId }, instructor, {
        status: "ready",
        durationSeconds: spec.videoSeconds === undefined ? 100 : spec.videoSeconds,
        playableAt: new Date(),
        current: true,
      });
    }
    if (spec.kind === "quiz") {
      await createQuiz(db, lesson.id, {
        requiredForCertificate: spec.requiredForCertificate ?? true,
      });
    }
  }
  return ids;
}

/** A fresh learner enrolled in a fresh course of `instructor`'s with these lessons. */
export async function enrolledLearner(
  db: Database,
  instructor: { id: string },
  specs: readonly LessonSpec[],
) {
  const learner = await createUser(db);
  const { course, lessonIds } = await createCourseWithLessons(db, instructor, specs);
  const enrollment = await createEnrollment(db, learner, course.id);
  return { learner, course, lessonIds, enrollmentId: enrollment.id };
}

/**
 * An instructor (listed on the course), their draft course and one video lesson: what the
 * video pipeline's tests and benchmarks start from.
 */
export async function createVideoLesson(db: Database) {
  const instructor = await createUser(db, "instructor", { name: "Ada Instructor" });
  const course = await createCourse(db, instructor, {
    slug: `video-${instructor.id}`,
    title: "Video course",
    status: "draft",
    publishedAt: null,
    listOwner: true,
  });
  const mod = await createModule(db, course.id);
  const lesson = await createLesson(db, mod.id, { title: "Lecture" });
  return { instructor, courseId: course.id, lessonId: lesson.id };
}
