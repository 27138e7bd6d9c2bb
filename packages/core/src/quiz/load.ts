import { type Database, quizAttempts, quizQuestions, quizzes } from "@lumen/db";
import { and, asc, count, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { type EditableQuestion, editableQuestion, type QuizSettings } from "./inputs";
import type { AttemptResult, LearnerQuestion, QuestionFeedback } from "./types";

/** What a quiz lesson has before its first save. */
export const DEFAULT_QUIZ_SETTINGS: QuizSettings = {
  passingPercent: 70,
  maxAttempts: null,
  requiredForCertificate: true,
};

export async function loadQuizSettings(db: Database, lessonId: string): Promise<QuizSettings> {
  const [row] = await db
    .select({
      passingPercent: quizzes.passingPercent,
      maxAttempts: quizzes.maxAttempts,
      requiredForCertificate: quizzes.requiredForCertificate,
    })
    .from(quizzes)
    .where(eq(quizzes.lessonId, lessonId));
  return row ?? DEFAULT_QUIZ_SETTINGS;
}

/** The questions with their answers: for editors and for grading, never for learners. */
export async function loadQuestionsWithAnswers(
  db: Database,
  lessonId: string,
): Promise<Array<EditableQuestion & { id: string }>> {
  const rows = await db
    .select({
      id: quizQuestions.id,
      kind: quizQuestions.kind,
      prompt: quizQuestions.prompt,
      points: quizQuestions.points,
      explanation: quizQuestions.explanation,
      options: quizQuestions.options,
      answer: quizQuestions.answer,
    })
    .from(quizQuestions)
    .where(eq(quizQuestions.lessonId, lessonId))
    .orderBy(asc(quizQuestions.position));
  // The jsonb columns are written by saveQuiz; parsing here gives them their types back.
  return rows.map((row) => ({ ...editableQuestion.parse(row), id: row.id }));
}

/** The questions as learners see them. The answer column is not even selected. */
export async function loadLearnerQuestions(
  db: Database,
  lessonId: string,
): Promise<LearnerQuestion[]> {
  return db
    .select({
      id: quizQuestions.id,
      kind: quizQuestions.kind,
      prompt: quizQuestions.prompt,
      points: quizQuestions.points,
      options: quizQuestions.options,
    })
    .from(quizQuestions)
    .where(eq(quizQuestions.lessonId, lessonId))
    .orderBy(asc(quizQuestions.position));
}

export async function countAttempts(db: Database, lessonId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(quizAttempts)
    .where(eq(quizAttempts.lessonId, lessonId));
  return row?.n ?? 0;
}

const attemptColumns = {
  id: quizAttempts.id,
  attemptNumber: quizAttempts.attemptNumber,
  scorePoints: quizAttempts.scorePoints,
  maxPoints: quizAttempts.maxPoints,
  scorePercent: quizAttempts.scorePercent,
  passed: quizAttempts.passed,
  feedback: quizAttempts.feedback,
  submittedAt: quizAttempts.submittedAt,
};
type AttemptRow = Pick<typeof quizAttempts.$inferSelect, keyof typeof attemptColumns>;

const storedFeedback = z.array(
  z.object({
    questionId: z.string(),
    correct: z.boolean(),
    pointsAwarded: z.number(),
    points: z.number(),
    explanation: z.string(),
  }),
);

export function toAttemptResult({ id, feedback, submittedAt, ...row }: AttemptRow): AttemptResult {
  return {
    attemptId: id,
    ...row,
    submittedAt: submittedAt.toISOString(),
    feedback: storedFeedback.parse(feedback) satisfies QuestionFeedback[],
  };
}

/** One enrollment's graded attempts at one quiz, newest first. */
export async function loadAttempts(
  db: Database,
  enrollmentId: string,
  lessonId: string,
): Promise<AttemptResult[]> {
  const rows = await db
    .select(attemptColumns)
    .from(quizAttempts)
    .where(and(eq(quizAttempts.enrollmentId, enrollmentId), eq(quizAttempts.lessonId, lessonId)))
    .orderBy(desc(quizAttempts.attemptNumber));
  return rows.map(toAttemptResult);
}

/** Where a learner stands: the best score counts, a quiz passed once stays passed. */
export function standing(settings: QuizSettings, attempts: readonly AttemptResult[]) {
  const percents = attempts.map((a) => a.scorePercent);
  return {
    attemptsLeft:
      settings.maxAttempts === null ? null : Math.max(0, settings.maxAttempts - attempts.length),
    bestPercent: percents.length ? Math.max(...percents) : null,
    passed: attempts.some((a) => a.passed),
  };
}
