import { type Database, enrollments, lessons, modules } from "@lumen/db";
import { and, eq, isNull } from "drizzle-orm";
import { assertCanWatchLesson } from "../access";
import { NotFoundError, type SessionUser, ValidationError } from "../kernel";

/** Quiz procedures only make sense on quiz lessons; anything else is a client mistake. */
export function assertQuizLesson(lesson: { kind: string }) {
  if (lesson.kind !== "quiz") {
    const message = "This lesson is not a quiz.";
    throw new ValidationError(message, { lessonId: [message] });
  }
}

/**
 * A quiz lesson the user may open, with the user's active enrollment in its course (null for
 * an editor previewing, or a signed-in visitor of a free preview lesson). Refusals are
 * exactly those of video: see assertCanWatchLesson.
 */
export async function openQuizLesson(db: Database, user: SessionUser, lessonId: string) {
  await assertCanWatchLesson(db, user, lessonId);
  const [lesson] = await db
    .select({ id: lessons.id, kind: lessons.kind, courseId: modules.courseId })
    .from(lessons)
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .where(eq(lessons.id, lessonId));
  // assertCanWatchLesson found it a moment ago, unless it was deleted in between.
  if (!lesson) throw new NotFoundError("We couldn't find that lesson.");
  assertQuizLesson(lesson);
  const { courseId } = lesson;
  const [enrollment] = await db
    .select({ id: enrollments.id })
    .from(enrollments)
    .where(
      and(
        eq(enrollments.courseId, courseId),
        eq(enrollments.userId, user.id),
        isNull(enrollments.unenrolledAt),
      ),
    );
  return { lessonId, courseId, enrollmentId: enrollment?.id ?? null };
}
