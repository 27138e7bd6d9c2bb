import { t } from "@lingui/core/macro";
import { inputTextProblem } from "@lumen/shared/text-rules";
import { pickerFocusId } from "../../../../components/rubric/rubric-picker";
import { lessonBodyId, lessonRubricId } from "../../editor-targets";
import {
  type AssignmentDraft,
  assignmentFieldId,
  criterionFieldId,
  exampleFieldId,
  examplePickerPrefix,
  fromLocalInput,
  leaseMinutes,
  levelFieldId,
  parseNumber,
  windowHours,
} from "./assignment-editor";

/**
 * The assignment editor's checks: the rules of the API's input schema and of its save, with
 * the same messages, so a save is rarely refused; and the API's field errors mapped back onto
 * fields. Messages are made when the form is checked, in the language shown then (global `t`);
 * the shared text rules' messages are the API's, which the server translates.
 */
export const ASSIGNMENT_LIMITS = {
  promptMax: 100_000,
  criteriaMax: 10,
  levelsMin: 2,
  levelsMax: 6,
  examplesMax: 3,
  titleMax: 120,
  criterionDescriptionMax: 2_000,
  levelLabelMax: 80,
  levelDescriptionMax: 1_000,
  pointsMax: 100,
  exampleMax: 50_000,
  reviewsMax: 10,
  windowHoursMax: 8760,
  leaseMinutesMin: 5,
  leaseMinutesMax: 10080,
} as const;

export type SettingsField =
  | "reviewsToGive"
  | "reviewsNeeded"
  | "dueAt"
  | "window"
  | "reviewsCloseAt"
  | "lease"
  | "passingPercent";
export type CriterionField = "title" | "description" | "levels";
export type LevelField = "label" | "description" | "points";

export interface ExampleErrors {
  body?: string;
  /** By criterion id. */
  scores: Record<string, string>;
  /** What names no criterion ("Example 2: …" from the API). */
  grade?: string;
}

export interface AssignmentErrors {
  prompt?: string;
  settings: Partial<Record<SettingsField, string>>;
  /** The rubric as a whole (too many criteria, structure locked). */
  rubric?: string;
  /** By criterion id. */
  criteria: Record<string, Partial<Record<CriterionField, string>>>;
  /** By level id. */
  levels: Record<string, Partial<Record<LevelField, string>>>;
  /** By example key. */
  examples: Record<string, ExampleErrors>;
  form?: string;
}

export const noErrors = (): AssignmentErrors => ({
  settings: {},
  criteria: {},
  levels: {},
  examples: {},
});

const L = ASSIGNMENT_LIMITS;
const isInt = (n: number) => Number.isInteger(n);

function textError(value: string, label: string, max: number, tooLong: string, multiline = true) {
  if (value.length > max) return tooLong;
  return inputTextProblem(value, label, { multiline }) ?? undefined;
}

function settingsErrors(draft: AssignmentDraft): AssignmentErrors["settings"] {
  const s = draft.settings;
  const e: AssignmentErrors["settings"] = {};
  const give = parseNumber(s.reviewsToGive);
  if (!isInt(give) || give < 0 || give > L.reviewsMax) {
    e.reviewsToGive = t`Each learner gives from 0 to 10 reviews.`;
  }
  const needed = parseNumber(s.reviewsNeeded);
  if (!isInt(needed) || needed < 1 || needed > L.reviewsMax) {
    e.reviewsNeeded = t`Each submission needs from 1 to 10 reviews.`;
  }
  const due = fromLocalInput(s.dueAt);
  if (s.dueAt !== "" && due === null) e.dueAt = t`Enter a valid date and time.`;
  const hours = windowHours(s.windowAmount, s.windowUnit);
  if (!isInt(hours) || hours < 1 || hours > L.windowHoursMax) {
    e.window =
      s.windowUnit === "days"
        ? t`The review window is a whole number of days, from 1 to 365.`
        : t`The review window is a whole number of hours, from 1 to 8,760 (a year).`;
  }
  const close = fromLocalInput(s.reviewsCloseAt);
  if (s.reviewsCloseAt !== "" && close === null) e.reviewsCloseAt = t`Enter a valid date and time.`;
  else if (close && due && Date.parse(close) <= Date.parse(due)) {
    e.reviewsCloseAt = t`Reviews must close after submissions are due.`;
  }
  const lease = leaseMinutes(s.leaseAmount, s.leaseUnit);
  if (!isInt(lease) || lease < L.leaseMinutesMin || lease > L.leaseMinutesMax) {
    e.lease = t`A reviewer gets from 5 minutes to a week (168 hours) per review.`;
  }
  const passing = parseNumber(s.passingPercent);
  if (!isInt(passing) || passing < 0 || passing > 100) {
    e.passingPercent = t`The passing score is a whole percent from 0 to 100.`;
  }
  return e;
}

function rubricErrors(draft: AssignmentDraft, errors: AssignmentErrors) {
  const { criteriaMax, levelsMin, levelsMax } = L;
  if (draft.rubric.length > criteriaMax) {
    errors.rubric = t`A rubric can have at most ${criteriaMax} criteria.`;
  }
  for (const criterion of draft.rubric) {
    const e: Partial<Record<CriterionField, string>> = {};
    const title = criterion.title.trim();
    if (title === "") e.title = t`Name every criterion.`;
    else {
      const problem = textError(
        title,
        "Criterion",
        L.titleMax,
        t`A criterion's title can be at most 120 characters.`,
        false,
      );
      if (problem) e.title = problem;
    }
    const description = textError(
      criterion.description,
      "Criterion description",
      L.criterionDescriptionMax,
      t`A criterion's description can be at most 2,000 characters.`,
    );
    if (description) e.description = description;
    if (criterion.levels.length < levelsMin)
      e.levels = t`Each criterion needs at least ${levelsMin} levels.`;
    if (criterion.levels.length > levelsMax)
      e.levels = t`A criterion can have at most ${levelsMax} levels.`;
    if (Object.keys(e).length > 0) errors.criteria[criterion.id] = e;
    for (const level of criterion.levels) {
      const le: Partial<Record<LevelField, string>> = {};
      const label = level.label.trim();
      if (label === "") le.label = t`Name every level.`;
      else {
        const problem = textError(
          label,
          "Level name",
          L.levelLabelMax,
          t`A level's name can be at most 80 characters.`,
          false,
        );
        if (problem) le.label = problem;
      }
      const about = textError(
        level.description,
        "Level description",
        L.levelDescriptionMax,
        t`A level's description can be at most 1,000 characters.`,
      );
      if (about) le.description = about;
      const points = parseNumber(level.points);
      if (!isInt(points) || points < 0 || points > L.pointsMax) {
        le.points = t`Points must be a whole number from 0 to 100.`;
      }
      if (Object.keys(le).length > 0) errors.levels[level.id] = le;
    }
  }
}

function exampleErrors(draft: AssignmentDraft, errors: AssignmentErrors) {
  const { examplesMax } = L;
  if (draft.examples.length > examplesMax) {
    errors.form = t`At most ${examplesMax} calibration examples.`;
  }
  for (const example of draft.examples) {
    const e: ExampleErrors = { scores: {} };
    if (example.body.trim() === "") e.body = t`Write the example submission.`;
    else {
      const problem = textError(
        example.body,
        "Example submission",
        L.exampleMax,
        t`An example can be at most 50,000 characters.`,
      );
      if (problem) e.body = problem;
    }
    if (draft.rubric.length === 0) e.grade = t`Add the rubric first: an example is graded by it.`;
    for (const criterion of draft.rubric) {
      const score = example.scores[criterion.id];
      const level = score && criterion.levels.find((l) => l.id === score.levelId);
      const name = criterion.title.trim();
      if (!level) {
        e.scores[criterion.id] = name
          ? t`Choose a level for “${name}”.`
          : t`Choose a level for “this criterion”.`;
      } else if (criterion.commentRequired && !score.comment.trim()) {
        e.scores[criterion.id] = name
          ? t`Explain your choice for “${name}”.`
          : t`Explain your choice for “this criterion”.`;
      }
    }
    if (e.body || e.grade || Object.keys(e.scores).length > 0) errors.examples[example.key] = e;
  }
}

export function validateAssignment(draft: AssignmentDraft): AssignmentErrors {
  const errors = noErrors();
  const prompt = textError(
    draft.prompt,
    "Lesson text",
    L.promptMax,
    t`The prompt can be at most 100,000 characters.`,
  );
  if (prompt) errors.prompt = prompt;
  errors.settings = settingsErrors(draft);
  rubricErrors(draft, errors);
  exampleErrors(draft, errors);
  return errors;
}

/** How many fields need fixing. */
export function countErrors(errors: AssignmentErrors): number {
  let n = Object.keys(errors.settings).length;
  for (const field of ["prompt", "rubric", "form"] as const) if (errors[field]) n += 1;
  for (const e of Object.values(errors.criteria)) n += Object.keys(e).length;
  for (const e of Object.values(errors.levels)) n += Object.keys(e).length;
  for (const e of Object.values(errors.examples)) {
    n += (e.body ? 1 : 0) + (e.grade ? 1 : 0) + Object.keys(e.scores).length;
  }
  return n;
}

const SETTINGS_ORDER: readonly SettingsField[] = [
  "reviewsToGive",
  "reviewsNeeded",
  "dueAt",
  "window",
  "reviewsCloseAt",
  "lease",
  "passingPercent",
];

/** The id of the first field with an error, in the form's order, for focus. */
export function firstInvalidId(
  lessonId: string,
  draft: AssignmentDraft,
  errors: AssignmentErrors,
): string | null {
  if (errors.prompt) return lessonBodyId(lessonId);
  const setting = SETTINGS_ORDER.find((f) => errors.settings[f]);
  if (setting) return assignmentFieldId(lessonId, setting);
  if (errors.rubric) return lessonRubricId(lessonId);
  for (const criterion of draft.rubric) {
    const e = errors.criteria[criterion.id] ?? {};
    if (e.title) return criterionFieldId(criterion.id, "title");
    if (e.description) return criterionFieldId(criterion.id, "description");
    for (const level of criterion.levels) {
      const le = errors.levels[level.id];
      const field = le && (["label", "description", "points"] as const).find((f) => le[f]);
      if (field) return levelFieldId(level.id, field);
    }
    if (e.levels) return criterionFieldId(criterion.id, "addLevel");
  }
  for (const example of draft.examples) {
    const e = errors.examples[example.key];
    if (!e) continue;
    if (e.body) return exampleFieldId(example.key, "body");
    const criterion = draft.rubric.find((c) => e.scores[c.id]);
    if (criterion) {
      return pickerFocusId(
        examplePickerPrefix(example.key),
        criterion,
        example.scores[criterion.id]?.levelId,
      );
    }
    if (e.grade) return exampleFieldId(example.key, "heading");
  }
  return null;
}
