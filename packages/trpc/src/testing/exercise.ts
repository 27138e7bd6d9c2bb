import { gradeExerciseSubmission } from "@lumen/core/exercise";
import type { SessionUser } from "@lumen/core/kernel";
import { addLessonOfKind, createCourse, createUser, sumExercise } from "@lumen/core/testing";
import { exerciseSubmissions } from "@lumen/db";
import { gradeSubmission } from "@lumen/sandbox";
import { and, asc, eq, ne } from "drizzle-orm";
import type { TestContext } from "./harness";

/**
 * Grades every queued submission (or those given) in the real gVisor sandbox, as the job
 * runner's handler does, one after the other. Returns the ids it graded.
 */
export async function gradeQueued(t: TestContext, ids?: readonly string[]): Promise<string[]> {
  const queued =
    ids ??
    (
      await t.db
        .select({ id: exerciseSubmissions.id })
        .from(exerciseSubmissions)
        .where(ne(exerciseSubmissions.status, "graded"))
        .orderBy(asc(exerciseSubmissions.createdAt))
    ).map((r) => r.id);
  for (const submissionId of queued) {
    await gradeExerciseSubmission({
      db: t.db,
      outbox: t.outbox,
      submissionId,
      grade: (submission) => gradeSubmission(submission),
    });
  }
  return [...queued];
}

/** The newest reference check of a lesson's exercise. */
export async function referenceSubmissionOf(t: TestContext, lessonId: string) {
  const [row] = await t.db
    .select()
    .from(exerciseSubmissions)
    .where(
      and(eq(exerciseSubmissions.lessonId, lessonId), eq(exerciseSubmissions.purpose, "reference")),
    )
    .orderBy(asc(exerciseSubmissions.createdAt));
  return row;
}

export { SUM_RIGHT, SUM_WRONG, sumExercise } from "@lumen/core/testing";

/** A published course whose one lesson is the sum exercise, and an enrolled learner. */
export async function exerciseCourse(
  t: TestContext,
  owner: SessionUser,
  overrides: Parameters<typeof sumExercise>[1] = {},
) {
  const course = await createCourse(t.db, owner);
  const lesson = await addLessonOfKind(t.db, course.id, "exercise");
  const saved = await t.callerFor(owner).exercise.save(sumExercise(lesson.id, overrides));
  const learner = await createUser(t.db);
  const { enrollmentId } = await t.callerFor(learner).enrollment.enroll({ courseId: course.id });
  return { courseId: course.id, lessonId: lesson.id, saved, learner, enrollmentId };
}
