import type { AssignmentDraft } from "./assignment-editor";
import {
  type AssignmentErrors,
  countErrors,
  noErrors,
  type SettingsField,
} from "./assignment-editor-validate";

const SETTINGS_PATHS: Record<string, SettingsField> = {
  reviewsToGive: "reviewsToGive",
  reviewsNeeded: "reviewsNeeded",
  dueAt: "dueAt",
  reviewWindowHours: "window",
  reviewsCloseAt: "reviewsCloseAt",
  leaseMinutes: "lease",
  passingPercent: "passingPercent",
};

/**
 * The API's refusal as form errors. Paths name settings ("settings.reviewsCloseAt"), the
 * rubric ("rubric", "rubric.0.title", "rubric.0.levels.1.points"), an example by position
 * ("examples.0", "examples.0.body") or the prompt ("body", from the lesson's save); whatever
 * names no field here becomes the form's message.
 */
export function serverAssignmentErrors(
  fieldErrors: Record<string, string>,
  message: string,
  draft: AssignmentDraft,
): AssignmentErrors {
  const errors = noErrors();
  const unplaced: string[] = [];
  for (const [path, text] of Object.entries(fieldErrors)) {
    const [head, second, third, fourth, fifth] = path.split(".");
    if (head === "body") errors.prompt = text;
    else if (head === "settings" && second && SETTINGS_PATHS[second]) {
      errors.settings[SETTINGS_PATHS[second]] = text;
    } else if (head === "rubric") {
      const criterion = second === undefined ? undefined : draft.rubric[Number(second)];
      const level =
        criterion && fourth !== undefined ? criterion.levels[Number(fourth)] : undefined;
      if (!criterion) errors.rubric = text;
      else if (
        third === "levels" &&
        level &&
        (fifth === "label" || fifth === "description" || fifth === "points")
      ) {
        errors.levels[level.id] = { ...errors.levels[level.id], [fifth]: text };
      } else if (third === "title" || third === "description" || third === "levels") {
        errors.criteria[criterion.id] = { ...errors.criteria[criterion.id], [third]: text };
      } else errors.rubric = text;
    } else if (head === "examples" && second !== undefined && draft.examples[Number(second)]) {
      const example = draft.examples[Number(second)];
      if (!example) continue;
      const e = errors.examples[example.key] ?? { scores: {} };
      if (third === "body") e.body = text;
      else e.grade = text;
      errors.examples[example.key] = e;
    } else unplaced.push(text);
  }
  if (unplaced.length > 0 || countErrors(errors) === 0) {
    errors.form = unplaced.length > 0 ? unplaced.join(" ") : message;
  }
  return errors;
}
