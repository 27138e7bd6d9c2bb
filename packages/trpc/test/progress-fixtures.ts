import { randomUUID } from "node:crypto";
import type { SessionUser } from "@lumen/core/kernel";
import type { ProgressEvent } from "@lumen/core/progress";
import { createCourse, createUser } from "@lumen/core/testing";
import {
  type Database,
  enrollments,
  lessons,
  modules,
  quizAttempts,
  quizzes,
  videoAssets,
} from "@lumen/db";
import { eq, sql } from "drizzle-orm";
import type { TestContext } from "./harness";

/** A lesson to build: video lessons get a current asset of `videoSeconds` (null: unknown). */
export interface LessonSpec {
  kind: (typeof lessons.$inferInsert)["kind"];
  isOptional?: boolean;
  videoSeconds?: number | null;
  /** Quiz lessons: whether passing is required for the certificate (default true). */
  requiredForCertificate?: boolean;
}

/** A published course whose lessons follow `specs` in outline order (one module). */
export async function createCourseWithLessons(
  db: Database,
  instructor: SessionUser,
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
  instructor: SessionUser,
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
    const [lesson] = await db
      .insert(lessons)
      .values({
        moduleId: mod.id,
        title: `${spec.kind} ${position + 1}`,
        kind: spec.kind,
        position,
        isOptional: spec.isOptional ?? false,
      })
      .returning({ id: lessons.id });
    if (!lesson) throw new Error("lesson insert returned nothing");
    ids.push(lesson.id);
    if (spec.kind === "video") {
      const [asset] = await db
        .insert(videoAssets)
        .values({
          courseId,
          lessonId: lesson.id,
          uploadedBy: instructor.id,
          originalFilename: "talk.mp4",
          byteSize: 1_000_000,
          status: "ready",
          durationSeconds: spec.videoSeconds === undefined ? 100 : spec.videoSeconds,
          playableAt: new Date(),
        })
        .returning({ id: videoAssets.id });
      await db.update(lessons).set({ videoAssetId: asset?.id }).where(eq(lessons.id, lesson.id));
    }
    if (spec.kind === "quiz") {
      await db.insert(quizzes).values({
        lessonId: lesson.id,
        requiredForCertificate: spec.requiredForCertificate ?? true,
      });
    }
  }
  return ids;
}

export async function enroll(db: Database, learner: SessionUser, courseId: string) {
  const [row] = await db
    .insert(enrollments)
    .values({ userId: learner.id, courseId })
    .returning({ id: enrollments.id });
  if (!row) throw new Error("enrollment insert returned nothing");
  return row.id;
}

/** A fresh learner (createUser) enrolled in a fresh course of `instructor`'s with these lessons. */
export async function enrolledLearner(
  db: Database,
  instructor: SessionUser,
  specs: readonly LessonSpec[],
) {
  const learner = await createUser(db);
  const { course, lessonIds } = await createCourseWithLessons(db, instructor, specs);
  const enrollmentId = await enroll(db, learner, course.id);
  return { learner, course, lessonIds, enrollmentId };
}

/**
 * The learner opens a video lesson: the player asks for its playback URL, which is when their
 * playback of it begins (coverage is credited no faster than the top speed since then).
 */
export async function startPlayback(t: TestContext, learner: SessionUser, lessonId: string) {
  await t.callerFor(learner).video.playback({ lessonId });
}

/** A progress event as the player sends it; a fresh event id unless one is given. */
export function progressEvent(
  enrollmentId: string,
  lessonId: string,
  overrides: Partial<ProgressEvent> = {},
): ProgressEvent {
  return {
    eventId: randomUUID(),
    enrollmentId,
    lessonId,
    watched: [],
    positionSeconds: 0,
    completed: false,
    occurredAt: Date.now(),
    ...overrides,
  };
}

/** A graded quiz attempt written directly, as the quiz service stores one. */
export async function insertQuizAttempt(
  db: Database,
  o: { enrollmentId: string; lessonId: string; passed: boolean; attemptNumber?: number },
) {
  await db.insert(quizAttempts).values({
    id: randomUUID(),
    enrollmentId: o.enrollmentId,
    lessonId: o.lessonId,
    attemptNumber: o.attemptNumber ?? 1,
    answers: {},
    scorePoints: o.passed ? 9 : 3,
    maxPoints: 10,
    scorePercent: o.passed ? 90 : 30,
    passed: o.passed,
    feedback: [],
  });
}

/** Jobs of one kind enqueued for an enrollment (pg-boss rows, as the outbox wrote them). */
export async function jobsFor(db: Database, name: string, enrollmentId: string) {
  const { rows } = await db.execute<{ id: string }>(
    sql`select id from pgboss.job where name = ${name} and data->>'enrollmentId' = ${enrollmentId}`,
  );
  return rows.length;
}
