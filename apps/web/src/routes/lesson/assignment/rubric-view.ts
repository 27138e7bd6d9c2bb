import { intlLocale } from "../../../lib/i18n";
import type { Criterion, Rubric } from "./scores-form";

/** The most a submission can score: every criterion's top level (as the server counts it). */
export function maxPointsOf(rubric: Rubric): number {
  return rubric.reduce((sum, c) => sum + criterionMax(c), 0);
}

export function criterionMax(criterion: Criterion): number {
  return Math.max(0, ...criterion.levels.map((l) => l.points));
}

/** "2.5": a median can fall between two levels; one decimal at most. */
export function formatPoints(points: number): string {
  return (Math.round(points * 10) / 10).toLocaleString(intlLocale());
}
