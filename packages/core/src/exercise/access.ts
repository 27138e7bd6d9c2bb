import type { Database } from "@lumen/db";
import { assertCanEditLesson, assertCanWatchLesson } from "../access";
import { type SessionUser, ValidationError } from "../kernel";

/** Exercise procedures only make sense on exercise lessons; anything else is a client mistake. */
export function assertExerciseLesson(lesson: { kind: string }) {
  if (lesson.kind !== "exercise") {
    const message = "This lesson is not a programming exercise.";
    throw new ValidationError(message, { lessonId: [message] });
  }
}

/**
 * The learner side's preamble (take, submit, draft): an exercise lesson the user may open,
 * with the user's active enrollment in its course (null for an editor previewing, or a
 * visitor of a free preview lesson). Refusals are exactly those of every lesson.
 */
export async function openExerciseLesson(db: Database, user: SessionUser, lessonId: string) {
  const lesson = await assertCanWatchLesson(db, user, lessonId);
  assertExerciseLesson(lesson);
  return { lessonId, courseId: lesson.courseId, enrollmentId: lesson.enrollmentId };
}

/** The editor side's preamble: an exercise lesson of a course the user may edit. */
export async function openExerciseForEditing(db: Database, user: SessionUser, lessonId: string) {
  const lesson = await assertCanEditLesson(db, user, lessonId);
  assertExerciseLesson(lesson);
  return lesson;
}
