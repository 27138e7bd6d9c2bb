import { type Database, enrollments, quizAttempts } from "@lumen/db";
import type { Outbox } from "@lumen/jobs";
import { and, eq, isNull } from "drizzle-orm";
import {
  ConflictError,
  ForbiddenError,
  holdAnalyticsWriteLock,
  type SessionUser,
  ValidationError,
} from "../kernel";
import { markLessonsCompleted } from "../progress";
import { openQuizLesson } from "./access";
import { gradeQuiz } from "./grade";
import type { LearnerResponse, SubmitQuizInput } from "./inputs";
import { loadAttempts, loadQuestionsWithAnswers, loadQuizSettings, standing } from "./load";
import type { SubmitResult } from "./types";

/**
 * Grades a submission on the server and records it as the learner's next attempt. The
 * enrollment row lock serializes one learner's submits, so the attempt limit and the
 * attempt-id replay check cannot race: a retried submit (same client attempt id) returns the
 * attempt it already made instead of using up another one. A passing attempt completes the
 * lesson in the same transaction.
 */
export async function submitQuiz({
  db,
  user,
  outbox,
  input,
}: {
  db: Database;
  user: SessionUser;
  outbox: Outbox;
  input: SubmitQuizInput;
}): Promise<SubmitResult> {
  const { lessonId, enrollmentId } = await openQuizLesson(db, user, input.lessonId);
  if (!enrollmentId) {
    throw new ForbiddenError(
      "Only enrolled learners can submit this quiz. Previews are not graded or saved.",
    );
  }
  return db.transaction(async (tx) => {
    // The attempt is appended to a log the dashboard rollup reads by seq (ADR 0024).
    await holdAnalyticsWriteLock(tx);
    const [enrollment] = await tx
      .select({ id: enrollments.id })
      .from(enrollments)
      .where(and(eq(enrollments.id, enrollmentId), isNull(enrollments.unenrolledAt)))
      .for("no key update");
    if (!enrollment) throw new ForbiddenError("Enroll in this course to submit this quiz.");

    const settings = await loadQuizSettings(tx, lessonId);
    const [previous] = await tx
      .select({ enrollmentId: quizAttempts.enrollmentId, lessonId: quizAttempts.lessonId })
      .from(quizAttempts)
      .where(eq(quizAttempts.id, input.attemptId));
    if (previous) {
      if (previous.enrollmentId !== enrollmentId || previous.lessonId !== lessonId) {
        throw new ConflictError("This attempt id was already used. Start a new attempt.");
      }
      return {
        ...(await summary(tx, settings, enrollmentId, lessonId, input.attemptId)),
        replayed: true,
      };
    }

    const attempts = await loadAttempts(tx, enrollmentId, lessonId);
    if (settings.maxAttempts !== null && attempts.length >= settings.maxAttempts) {
      throw new ConflictError(
        `No attempts left: this quiz allows ${settings.maxAttempts} attempt${settings.maxAttempts === 1 ? "" : "s"}.`,
      );
    }
    const questions = await loadQuestionsWithAnswers(tx, lessonId);
    if (questions.length === 0) throw new ConflictError("This quiz has no questions yet.");
    const responses = responsesOf(input, new Set(questions.map((q) => q.id)));
    const grade = gradeQuiz(questions, responses, settings.passingPercent);

    const inserted = await tx
      .insert(quizAttempts)
      .values({
        id: input.attemptId,
        enrollmentId,
        lessonId,
        attemptNumber: attempts.length + 1,
        answers: Object.fromEntries(responses),
        ...grade,
        feedback: grade.feedback.map((f) => ({ ...f })),
      })
      // Another learner's request may take this id between our check and insert.
      .onConflictDoNothing({ target: quizAttempts.id })
      .returning({ id: quizAttempts.id });
    if (inserted.length === 0) {
      throw new ConflictError("This attempt id was already used. Start a new attempt.");
    }
    if (grade.passed) await markLessonsCompleted(tx, outbox, [{ enrollmentId, lessonId }]);
    return {
      ...(await summary(tx, settings, enrollmentId, lessonId, input.attemptId)),
      replayed: false,
    };
  });
}

/** The answers by question; every question id must belong to this quiz, once. */
function responsesOf(input: SubmitQuizInput, questionIds: ReadonlySet<string>) {
  const responses = new Map<string, LearnerResponse>();
  const fieldErrors: Record<string, string[]> = {};
  input.answers.forEach(({ questionId, response }, index) => {
    if (!questionIds.has(questionId)) {
      fieldErrors[`answers.${index}.questionId`] = ["This quiz has no such question."];
    } else if (responses.has(questionId)) {
      fieldErrors[`answers.${index}.questionId`] = ["This question is answered twice."];
    }
    responses.set(questionId, response);
  });
  if (Object.keys(fieldErrors).length > 0) {
    throw new ValidationError(
      "Some answers do not match this quiz's questions. Reload the quiz and try again.",
      fieldErrors,
    );
  }
  return responses;
}

async function summary(
  db: Database,
  settings: Awaited<ReturnType<typeof loadQuizSettings>>,
  enrollmentId: string,
  lessonId: string,
  attemptId: string,
): Promise<Omit<SubmitResult, "replayed">> {
  const attempts = await loadAttempts(db, enrollmentId, lessonId);
  const attempt = attempts.find((a) => a.attemptId === attemptId);
  if (!attempt) throw new Error(`submitQuiz: attempt ${attemptId} vanished inside its transaction`);
  const { attemptsLeft, bestPercent, passed } = standing(settings, attempts);
  return { attempt, attemptsLeft, bestPercent: bestPercent ?? attempt.scorePercent, passed };
}
