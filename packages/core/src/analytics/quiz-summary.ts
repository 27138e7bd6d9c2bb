import { bandsArray, shareOf } from "./shared";
import type { QuizSummary } from "./types";

/** A quiz's attempts and passes in one score band (analytics_quiz_scores). */
export interface BandRow {
  band: number;
  attempts: number;
  passed: number;
  /** Sum of the band's attempt scores (percent). */
  scoreSum: number;
}

/** A quiz's attempts, pass rate, mean score (exact: the bands' score sums) and distribution. */
export function quizSummary(
  lessonId: string,
  title: string,
  rows: readonly BandRow[],
): QuizSummary {
  const attempts = rows.reduce((sum, r) => sum + r.attempts, 0);
  const passed = rows.reduce((sum, r) => sum + r.passed, 0);
  const scores = rows.reduce((sum, r) => sum + Number(r.scoreSum), 0);
  return {
    lessonId,
    title,
    attempts,
    passRate: shareOf(passed, attempts),
    averageScore: attempts > 0 ? Math.round((10 * scores) / attempts) / 10 : null,
    scoreBands: bandsArray(rows.map((r) => ({ band: r.band, n: r.attempts }))),
  };
}
