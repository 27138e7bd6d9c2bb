import type { Database } from "@lumen/db";
import { assertCanEditLesson, assertCanWatchLesson } from "../access";
import { type SessionUser, ValidationError } from "../kernel";

/** Quiz procedures only make sense on quiz lessons; anything else is a client mistake. */
export function assertQuizLesson(lesson: { kind: string }) {
  if (lesson.kind !== "quiz") {
    const message = "This lesson is not a quiz.";
    throw new ValidationError(message, { lessonId: [message] });
  }
}

/**
 * The learner side's preamble (take, submit): a quiz lesson the user may open, with the
 * user's active enrollment in its course (null for an editor previewing, or a signed-in
 * visitor of a free preview lesson). Refusals are exactly those of video: see
 * assertCanWatchLesson.
 */
export async function openQuizLesson(db: Database, user: SessionUser, lessonId: string) {
  const lesson = await assertCanWatchLesson(db, user, lessonId);
  assertQuizLesson(lesson);
  return { lessonId, courseId: lesson.courseId, enrollmentId: lesson.enrollmentId };
}

/** The editor side's preamble (edit): a quiz lesson of a course the user may edit. */
export async function openQuizForEditing(db: Database, user: SessionUser, lessonId: string) {
  const lesson = await assertCanEditLesson(db, user, lessonId);
  assertQuizLesson(lesson);
  return lesson;
}
