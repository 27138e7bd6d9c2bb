import { bandsArray, shareOf } from "./shared";
import type { QuizSummary } from "./types";

/** A quiz's attempts and passes in one score band (analytics_quiz_scores). */
export interface BandRow {
  band: number;
  attempts: number;
  passed: number;
}

/**
 * A quiz's attempts, pass rate and score distribution. The rollup keeps attempts per 10 %
 * band, not the scores, so the average is estimated from the bands' midpoints (band 10 is
 * exactly 100 %): within 5 points of the exact mean.
 */
export function quizSummary(
  lessonId: string,
  title: string,
  rows: readonly BandRow[],
): QuizSummary {
  const attempts = rows.reduce((sum, r) => sum + r.attempts, 0);
  const passed = rows.reduce((sum, r) => sum + r.passed, 0);
  const weighted = rows.reduce(
    (sum, r) => sum + r.attempts * (r.band >= 10 ? 100 : r.band * 10 + 5),
    0,
  );
  return {
    lessonId,
    title,
    attempts,
    passRate: shareOf(passed, attempts),
    averageScore: attempts > 0 ? Math.round((10 * weighted) / attempts) / 10 : null,
    scoreBands: bandsArray(rows.map((r) => ({ band: r.band, n: r.attempts }))),
  };
}
