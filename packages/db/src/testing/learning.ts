import { randomUUID } from "node:crypto";
import type { Database } from "../client";
import { enrollments, lessonProgress, quizAttempts, quizzes } from "../schema";

/** An active enrollment of `user` in a course. */
export async function createEnrollment(
  db: Database,
  user: { id: string },
  courseId: string,
  overrides: Partial<typeof enrollments.$inferInsert> = {},
) {
  const [enrollment] = await db
    .insert(enrollments)
    .values({ userId: user.id, courseId, ...overrides })
    .returning();
  if (!enrollment) throw new Error("enrollment insert returned nothing");
  return enrollment;
}

/** Lessons completed for an enrollment, as the progress path leaves them. */
export async function completeLessons(
  db: Database,
  enrollmentId: string,
  lessonIds: readonly string[],
  watchedSeconds: number | null = 60,
) {
  if (lessonIds.length === 0) return;
  await db.insert(lessonProgress).values(
    lessonIds.map((lessonId) => ({
      enrollmentId,
      lessonId,
      ...(watchedSeconds === null ? {} : { watchedSeconds }),
      completedAt: new Date(),
    })),
  );
}

/** The quiz settings of a quiz lesson (its questions come from the authoring verbs). */
export async function createQuiz(
  db: Database,
  lessonId: string,
  overrides: Partial<typeof quizzes.$inferInsert> = {},
) {
  const [quiz] = await db
    .insert(quizzes)
    .values({ lessonId, ...overrides })
    .returning();
  if (!quiz) throw new Error("quiz insert returned nothing");
  return quiz;
}

/** A graded attempt at a quiz, as the quiz service stores one: 9/10 when passed, else 3/10. */
export async function createQuizAttempt(
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
