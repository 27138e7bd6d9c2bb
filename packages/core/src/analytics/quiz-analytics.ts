import {
  analyticsQuizOptions,
  analyticsQuizQuestions,
  analyticsQuizScores,
  type Database,
  quizQuestions,
  quizzes,
} from "@lumen/db";
import { asc, eq } from "drizzle-orm";
import { assertCanEditCourse } from "../access";
import type { SessionUser } from "../kernel";
import { type EditableQuestion, editableQuestion } from "../quiz";

import type { AnalyticsLessonInput } from "./inputs";
import { quizSummary } from "./quiz-summary";
import { lessonOfCourse, rollupAsOf, shareOf } from "./shared";
import type { QuizAnalytics, QuizQuestionStats } from "./types";

/** Each discrimination group holds at least this share of the attempts (Kelley's 27 %). */
const GROUP_SHARE = 0.27;

/** A quiz lesson without a saved quiz row passes at the quiz module's default. */
const DEFAULT_PASSING_PERCENT = 70;

interface BandStats {
  band: number;
  attempts: number;
  correct: number;
}

/**
 * Top minus bottom group's share correct. The bottom group is the lowest score bands that
 * together hold ≥ 27 % of the question's attempts, the top group the highest bands likewise
 * (a band is never split, so a group may hold more); null without attempts.
 */
export function discrimination(bands: readonly BandStats[]): number | null {
  const total = bands.reduce((sum, b) => sum + b.attempts, 0);
  if (total === 0) return null;
  const groupShare = (ordered: BandStats[]) => {
    let attempts = 0;
    let correct = 0;
    for (const b of ordered) {
      if (attempts >= GROUP_SHARE * total) break;
      attempts += b.attempts;
      correct += b.correct;
    }
    return attempts > 0 ? correct / attempts : null;
  };
  const withAttempts = bands.filter((b) => b.attempts > 0);
  const bottom = groupShare([...withAttempts].sort((a, b) => a.band - b.band));
  const top = groupShare([...withAttempts].sort((a, b) => b.band - a.band));
  return bottom === null || top === null ? null : top - bottom;
}

/** The options a learner chose among, with which are right (true/false: "true", "false"). */
function optionsOf(question: EditableQuestion) {
  switch (question.kind) {
    case "single_choice":
      return question.options.map((o) => ({ ...o, correct: o.id === question.answer.optionId }));
    case "multiple_choice":
      return question.options.map((o) => ({
        ...o,
        correct: question.answer.optionIds.includes(o.id),
      }));
    case "true_false":
      return [
        { id: "true", text: "True", correct: question.answer.value },
        { id: "false", text: "False", correct: !question.answer.value },
      ];
    default:
      return [];
  }
}

/**
 * One quiz: its score distribution, and per current question (in quiz order) its difficulty
 * (share correct), discrimination, option choices and the wrong option chosen most.
 */
export async function getQuizAnalytics({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: AnalyticsLessonInput;
}): Promise<QuizAnalytics> {
  await assertCanEditCourse(db, user, input.courseId);
  const lesson = await lessonOfCourse(db, input.courseId, input.lessonId, "quiz");
  const [asOf, [settings], scores, questions, bands, chosen] = await Promise.all([
    rollupAsOf(db),
    db
      .select({ passingPercent: quizzes.passingPercent })
      .from(quizzes)
      .where(eq(quizzes.lessonId, lesson.id)),
    db
      .select({
        band: analyticsQuizScores.band,
        attempts: analyticsQuizScores.attempts,
        passed: analyticsQuizScores.passed,
        scoreSum: analyticsQuizScores.scoreSum,
      })
      .from(analyticsQuizScores)
      .where(eq(analyticsQuizScores.lessonId, lesson.id)),
    db
      .select()
      .from(quizQuestions)
      .where(eq(quizQuestions.lessonId, lesson.id))
      .orderBy(asc(quizQuestions.position), asc(quizQuestions.id)),
    db.select().from(analyticsQuizQuestions).where(eq(analyticsQuizQuestions.lessonId, lesson.id)),
    db.select().from(analyticsQuizOptions).where(eq(analyticsQuizOptions.lessonId, lesson.id)),
  ]);
  const stats = questions.map((row, index): QuizQuestionStats => {
    // The jsonb columns are written by saveQuiz; parsing gives the answer its type back.
    const question = editableQuestion.parse(row);
    const mine = bands.filter((b) => b.questionId === row.id);
    const attempts = mine.reduce((sum, b) => sum + b.attempts, 0);
    const correct = mine.reduce((sum, b) => sum + b.correct, 0);
    const options = optionsOf(question).map((o) => ({
      optionId: o.id,
      text: o.text,
      correct: o.correct,
      chosen: chosen.find((c) => c.questionId === row.id && c.optionId === o.id)?.chosen ?? 0,
    }));
    const wrong = options
      .filter((o) => !o.correct && o.chosen > 0)
      .reduce<(typeof options)[number] | null>(
        (best, o) => (best && best.chosen >= o.chosen ? best : o),
        null,
      );
    return {
      questionId: row.id,
      position: index + 1,
      prompt: row.prompt,
      kind: row.kind,
      attempts,
      difficulty: attempts > 0 ? correct / attempts : null,
      discrimination: discrimination(mine),
      mostChosenWrong: wrong
        ? {
            optionId: wrong.optionId,
            text: wrong.text,
            chosen: wrong.chosen,
            share: shareOf(wrong.chosen, attempts),
          }
        : null,
      options,
    };
  });
  return {
    asOf,
    ...quizSummary(lesson.id, lesson.title, scores),
    passingPercent: settings?.passingPercent ?? DEFAULT_PASSING_PERCENT,
    questions: stats,
  };
}
