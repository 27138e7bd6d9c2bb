import type { Database } from "../client";
import { createLesson, createModule } from "./courses";
import { completeLessons, createEnrollment, createQuiz, createQuizAttempt } from "./learning";

/**
 * An enrollment with progress written directly (as the progress path leaves it): `lessons`
 * required video lessons, the first `completed` of them completed, and optionally a quiz
 * required for the certificate, completed with a passing or a failing attempt.
 */
export async function createEnrollmentWithProgress(
  db: Database,
  {
    learner,
    courseId,
    lessons: lessonCount = 2,
    completed = lessonCount,
    requiredQuiz,
  }: {
    learner: { id: string };
    courseId: string;
    lessons?: number;
    completed?: number;
    requiredQuiz?: "passed" | "failed";
  },
) {
  const mod = await createModule(db, courseId, { title: "Everything" });
  const lessonIds: string[] = [];
  for (let position = 0; position < lessonCount; position++) {
    const lesson = await createLesson(db, mod.id, {
      title: `Lesson ${position + 1}`,
      position,
      durationSeconds: 60,
    });
    lessonIds.push(lesson.id);
  }
  const enrollment = await createEnrollment(db, learner, courseId);
  const done = lessonIds.slice(0, completed);
  if (requiredQuiz) {
    const quizLesson = await createLesson(db, mod.id, {
      title: "Final quiz",
      kind: "quiz",
      position: lessonCount,
    });
    await createQuiz(db, quizLesson.id, { requiredForCertificate: true });
    await createQuizAttempt(db, {
      enrollmentId: enrollment.id,
      lessonId: quizLesson.id,
      passed: requiredQuiz === "passed",
    });
    done.push(quizLesson.id);
  }
  await completeLessons(db, enrollment.id, done);
  return { enrollmentId: enrollment.id, lessonIds };
}
