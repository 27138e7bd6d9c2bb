import { plural, t } from "@lingui/core/macro";
import { formatNumber } from "../../lib/format";

/**
 * Names and ids of a rubric level picker, shared by every page that grades by a rubric
 * (instructor examples, staff grades, learners' reviews), so each reads the same.
 */

/** "3 points", "1 point": a level's worth, in the active language. */
export const levelPoints = (points: number) => {
  const n = formatNumber(points);
  return t`${plural(points, { one: `${n} point`, other: `${n} points` })}`;
};

/** "Good — 3 points" (1 point, 0 points): a level's radio label, as one string. */
export const levelOptionLabel = (level: { label: string; points: number }) => {
  const name = level.label || t`Unnamed level`;
  const points = levelPoints(level.points);
  return t`${name} — ${points}`;
};

/** Ids inside one picker: `prefix` tells apart pickers of the same criterion on a page. */
export const pickerIds = (prefix: string, criterionId: string) => {
  const base = `${prefix}-${criterionId}`;
  return {
    fieldset: base,
    level: (levelId: string) => `${base}-level-${levelId}`,
    comment: `${base}-comment`,
    error: `${base}-error`,
  };
};

/** Where to put focus for a picker's error: its first level (or its comment when one is chosen). */
export function pickerFocusId(
  prefix: string,
  criterion: { id: string; levels: ReadonlyArray<{ id: string }> },
  chosenLevelId: string | undefined,
): string {
  const ids = pickerIds(prefix, criterion.id);
  if (chosenLevelId) return ids.comment;
  const first = criterion.levels[0];
  return first ? ids.level(first.id) : ids.fieldset;
}
