import type { Database } from "@lumen/db";
import type { SessionUser } from "../kernel";
import { openQuizLesson } from "./access";
import { loadAttempts, loadLearnerQuestions, loadQuizSettings, standing } from "./load";
import type { LearnerQuiz } from "./types";

/**
 * The quiz as a learner takes it: questions without answers (they reach the browser only as
 * per-question right/wrong after grading) and the caller's own attempts. Editors and visitors
 * of a free preview lesson see it with no enrollment and no attempts.
 */
export async function takeQuiz({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: { lessonId: string };
}): Promise<LearnerQuiz> {
  const { lessonId, enrollmentId } = await openQuizLesson(db, user, input.lessonId);
  const [settings, questions, attempts] = await Promise.all([
    loadQuizSettings(db, lessonId),
    loadLearnerQuestions(db, lessonId),
    enrollmentId ? loadAttempts(db, enrollmentId, lessonId) : [],
  ]);
  return {
    lessonId,
    settings,
    questions,
    maxPoints: questions.reduce((sum, q) => sum + q.points, 0),
    attempts,
    ...standing(settings, attempts),
    enrollmentId,
  };
}
