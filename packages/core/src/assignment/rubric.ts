import type { RubricCriterion, RubricScore } from "@lumen/db";
import { ValidationError } from "../kernel";
import type { ScoresInput } from "./inputs";

/** The most a submission can score: the top level of every criterion. */
export function maxPoints(rubric: readonly RubricCriterion[]): number {
  return rubric.reduce((sum, c) => sum + Math.max(0, ...c.levels.map((l) => l.points)), 0);
}

/**
 * Checks a grade against the rubric — one level of each criterion, a comment where the
 * criterion asks for one — and returns it with each level's points. Errors are keyed
 * `scores.<criterionId>` so the form can place them.
 */
export function scoreByRubric(
  rubric: readonly RubricCriterion[],
  scores: ScoresInput,
): RubricScore[] {
  const errors: Record<string, string[]> = {};
  const byCriterion = new Map(scores.map((s) => [s.criterionId, s]));
  if (byCriterion.size !== scores.length) {
    errors.scores = ["Choose one level per criterion."];
  }
  const out: RubricScore[] = [];
  for (const criterion of rubric) {
    const chosen = byCriterion.get(criterion.id);
    const key = `scores.${criterion.id}`;
    const level = chosen && criterion.levels.find((l) => l.id === chosen.levelId);
    if (!chosen || !level) {
      errors[key] = [`Choose a level for “${criterion.title}”.`];
      continue;
    }
    if (criterion.commentRequired && !chosen.comment.trim()) {
      errors[key] = [`Explain your choice for “${criterion.title}”.`];
      continue;
    }
    out.push({
      criterionId: criterion.id,
      levelId: level.id,
      points: level.points,
      comment: chosen.comment,
    });
  }
  const known = new Set(rubric.map((c) => c.id));
  if (scores.some((s) => !known.has(s.criterionId))) {
    errors.scores = ["This grade names a criterion the rubric does not have. Reload the page."];
  }
  if (rubric.length === 0) errors.scores = ["This assignment has no rubric yet."];
  if (Object.keys(errors).length > 0) {
    throw new ValidationError(Object.values(errors)[0]?.[0] ?? "Check the grade.", errors);
  }
  return out;
}

/**
 * Two grades say the same: per criterion the same level, points and comment. Compared field
 * by field because a stored grade comes back from jsonb with its keys in jsonb's order.
 */
export function sameScores(a: readonly RubricScore[], b: readonly RubricScore[]): boolean {
  const key = (s: RubricScore) => JSON.stringify([s.criterionId, s.levelId, s.points, s.comment]);
  const sorted = (xs: readonly RubricScore[]) => xs.map(key).sort();
  return JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
}

/**
 * The weighted median: the smallest value whose cumulative weight reaches half the total;
 * when it lands exactly on half, the mean of that value and the next (so equal weights give
 * the ordinary median, the mean of the middle two for an even count).
 */
export function weightedMedian(values: ReadonlyArray<{ value: number; weight: number }>): number {
  const sorted = values.filter((v) => v.weight > 0).sort((a, b) => a.value - b.value);
  if (sorted.length === 0) return 0;
  const total = sorted.reduce((sum, v) => sum + v.weight, 0);
  let cumulative = 0;
  for (let i = 0; i < sorted.length; i++) {
    const current = sorted[i] as { value: number; weight: number };
    cumulative += current.weight;
    const half = total / 2;
    if (Math.abs(cumulative - half) < 1e-9 && i + 1 < sorted.length) {
      return (current.value + (sorted[i + 1] as { value: number }).value) / 2;
    }
    if (cumulative > half) return current.value;
  }
  return (sorted[sorted.length - 1] as { value: number }).value;
}

export interface PeerGrade {
  scores: RubricScore[];
  points: number;
  max: number;
  percent: number;
}

/**
 * The peer grade: per criterion the (weighted) median of the points reviewers chose, summed.
 * A criterion's level is named when the median is exactly one of its levels' points.
 */
export function gradeFromReviews(
  rubric: readonly RubricCriterion[],
  reviews: ReadonlyArray<{ scores: readonly RubricScore[]; weight: number }>,
): PeerGrade {
  const scores: RubricScore[] = rubric.map((criterion) => {
    const values = reviews.flatMap((r) => {
      const s = r.scores.find((x) => x.criterionId === criterion.id);
      return s ? [{ value: s.points, weight: r.weight }] : [];
    });
    const points = weightedMedian(values);
    const level = criterion.levels.find((l) => l.points === points);
    return { criterionId: criterion.id, levelId: level?.id ?? "", points, comment: "" };
  });
  return withTotals(rubric, scores);
}

export function withTotals(rubric: readonly RubricCriterion[], scores: RubricScore[]): PeerGrade {
  const points = scores.reduce((sum, s) => sum + s.points, 0);
  const max = maxPoints(rubric);
  return { scores, points, max, percent: max > 0 ? (100 * points) / max : 0 };
}

/**
 * How close a learner's grading of an example came to the instructor's: 1 − the mean over
 * criteria of |difference| ÷ the criterion's point range. 1 is exact agreement, 0 the far end.
 */
export function calibrationAccuracy(
  rubric: readonly RubricCriterion[],
  mine: readonly RubricScore[],
  staff: readonly RubricScore[],
): number {
  if (rubric.length === 0) return 1;
  let error = 0;
  for (const criterion of rubric) {
    const points = criterion.levels.map((l) => l.points);
    const range = Math.max(...points) - Math.min(...points);
    const a = mine.find((s) => s.criterionId === criterion.id)?.points ?? 0;
    const b = staff.find((s) => s.criterionId === criterion.id)?.points ?? 0;
    error += range > 0 ? Math.abs(a - b) / range : 0;
  }
  return Math.max(0, 1 - error / rubric.length);
}

/**
 * A reviewer's weight in the median when the assignment weighs by calibration (ADR 0017):
 * their mean accuracy, floored at 0.25 so that no reviewer's judgement is thrown away.
 * Without calibration data every reviewer weighs 1.
 */
export function reviewerWeight(meanAccuracy: number | null): number {
  if (meanAccuracy === null) return 1;
  return Math.max(0.25, Math.min(1, meanAccuracy));
}
