// Messages are made when the form is checked, in the language shown then (global `t`); the
// shared text rules' messages are the API's, which the server translates.
import { i18n } from "@lingui/core";
import { msg, t } from "@lingui/core/macro";
import { inputTextProblem } from "@lumen/shared/text-rules";
import {
  type ExerciseDraft,
  exerciseFieldId,
  parseNumber,
  type TestDraft,
  testFieldId,
} from "./exercise-editor";

/**
 * The exercise editor's checks: the rules of the API's input schema and of its save (a
 * function-style exercise names its function and writes its tests as JSON), with the same
 * messages, so a save is rarely refused; and the API's field errors mapped back onto fields.
 */
export const EXERCISE_LIMITS = {
  testsMax: 50,
  codeMax: 64 * 1024,
  testTextMax: 256 * 1024,
  promptMax: 100_000,
  functionNameMax: 64,
  pointsMax: 100,
  timeMinMs: 100,
  timeMaxMs: 10_000,
  memoryMin: 32,
  memoryMax: 1024,
  attemptsMax: 100,
} as const;

export type SettingsField =
  | "functionName"
  | "tolerance"
  | "timeLimit"
  | "memoryMb"
  | "passingPercent"
  | "maxAttempts";
export type TestField = "points" | "input" | "expected";
export type TestErrors = Partial<Record<TestField, string>>;

export interface ExerciseErrors {
  prompt?: string;
  settings: Partial<Record<SettingsField, string>>;
  starterCode?: string;
  referenceSolution?: string;
  /** By test key. */
  tests: Record<string, TestErrors>;
  /** What belongs to no single field (e.g. a refusal the API did not locate). */
  form?: string;
}

const L = EXERCISE_LIMITS;
const isInt = (n: number) => Number.isInteger(n);
const FUNCTION_NAME = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
export const ARGS_MESSAGE = msg`Write the arguments as a JSON array, e.g. [1, "two"].`;
export const VALUE_MESSAGE = msg`Write the expected value as JSON, e.g. 42 or "ok".`;

function parses(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** The text rules and length limit of one multi-line field, untrimmed like the API. */
function textError(value: string, label: string, max: number, tooLong: string) {
  if (value.length > max) return tooLong;
  return inputTextProblem(value, label, { multiline: true, trim: false }) ?? undefined;
}

export function validateTest(test: TestDraft, style: ExerciseDraft["settings"]["style"]) {
  const e: TestErrors = {};
  const points = parseNumber(test.points);
  if (!isInt(points) || points < 0 || points > L.pointsMax) {
    const max = L.pointsMax;
    e.points = t`Points must be a whole number from 0 to ${max}.`;
  }
  const input = textError(
    test.input,
    "Test input",
    L.testTextMax,
    t`Test input can be at most 256 KiB.`,
  );
  const expected = textError(
    test.expected,
    "Expected output",
    L.testTextMax,
    t`Expected output can be at most 256 KiB.`,
  );
  if (input) e.input = input;
  if (expected) e.expected = expected;
  if (style === "function" && !e.input && !e.expected) {
    const args = parses(test.input);
    if (!args.ok || !Array.isArray(args.value)) e.input = i18n._(ARGS_MESSAGE);
    else if (!parses(test.expected).ok) e.expected = i18n._(VALUE_MESSAGE);
  }
  return e;
}

export function validateExercise(draft: ExerciseDraft): ExerciseErrors {
  const errors: ExerciseErrors = { settings: {}, tests: {} };
  const { settings } = draft;
  const prompt = textError(
    draft.prompt,
    "Lesson text",
    L.promptMax,
    t`The prompt can be at most 100,000 characters.`,
  );
  if (prompt) errors.prompt = prompt;
  const s = errors.settings;
  if (settings.style === "function") {
    const name = settings.functionName.trim();
    if (name === "") s.functionName = t`Name the function the tests call.`;
    else if (name.length > L.functionNameMax) {
      s.functionName = t`Function name must be at most 64 characters.`;
    } else if (!FUNCTION_NAME.test(name)) {
      s.functionName = t`Use a function name such as solve or add_numbers.`;
    }
  }
  if (settings.style === "stdio" && settings.normalise === "numeric") {
    const tolerance = parseNumber(settings.tolerance || "0");
    if (!Number.isFinite(tolerance)) s.tolerance = t`Tolerance must be a number.`;
    else if (tolerance < 0) s.tolerance = t`Tolerance cannot be negative.`;
    else if (tolerance > 1) s.tolerance = t`Tolerance can be at most 1.`;
  }
  const ms = Math.round(parseNumber(settings.timeLimitSeconds) * 1000);
  if (!Number.isFinite(ms) || ms < L.timeMinMs || ms > L.timeMaxMs) {
    s.timeLimit = t`Give each test from 0.1 to 10 seconds.`;
  }
  const memory = parseNumber(settings.memoryMb);
  if (!isInt(memory) || memory < L.memoryMin || memory > L.memoryMax) {
    s.memoryMb = t`Memory must be a whole number of MB from 32 to 1,024.`;
  }
  const passing = parseNumber(settings.passingPercent);
  if (!isInt(passing) || passing < 0 || passing > 100) {
    s.passingPercent = t`The passing score is a whole percent from 0 to 100.`;
  }
  const attempts = parseNumber(settings.maxAttempts);
  const { attemptsMax, testsMax } = L;
  if (!settings.unlimited && (!isInt(attempts) || attempts < 1 || attempts > attemptsMax)) {
    s.maxAttempts = t`Allow from 1 to ${attemptsMax} attempts, or choose unlimited.`;
  }
  const starter = textError(
    draft.starterCode,
    "Starter code",
    L.codeMax,
    t`Starter code can be at most 64 KiB.`,
  );
  if (starter) errors.starterCode = starter;
  const reference = textError(
    draft.referenceSolution,
    "Reference solution",
    L.codeMax,
    t`Reference solution can be at most 64 KiB.`,
  );
  if (reference) errors.referenceSolution = reference;
  if (draft.tests.length > testsMax) errors.form = t`At most ${testsMax} tests.`;
  for (const test of draft.tests) {
    const e = validateTest(test, settings.style);
    if (Object.keys(e).length > 0) errors.tests[test.key] = e;
  }
  return errors;
}

/** How many fields need fixing. */
export function countErrors(errors: ExerciseErrors): number {
  let n = Object.keys(errors.settings).length;
  for (const field of ["prompt", "starterCode", "referenceSolution", "form"] as const) {
    if (errors[field]) n += 1;
  }
  for (const e of Object.values(errors.tests)) n += Object.keys(e).length;
  return n;
}

const SETTINGS_ORDER: readonly SettingsField[] = [
  "functionName",
  "tolerance",
  "timeLimit",
  "memoryMb",
  "passingPercent",
  "maxAttempts",
];
const TEST_ORDER: readonly TestField[] = ["points", "input", "expected"];

/** The id of the first field with an error, in the form's order, for focus. */
export function firstInvalidId(
  lessonId: string,
  draft: ExerciseDraft,
  errors: ExerciseErrors,
): string | null {
  const id = (field: string) => exerciseFieldId(lessonId, field);
  if (errors.prompt) return id("prompt");
  const setting = SETTINGS_ORDER.find((f) => errors.settings[f]);
  if (setting) return id(setting);
  if (errors.starterCode) return id("starterCode");
  if (errors.referenceSolution) return id("referenceSolution");
  for (const test of draft.tests) {
    const e = errors.tests[test.key];
    const field = e && TEST_ORDER.find((f) => e[f]);
    if (field) return testFieldId(test.key, field);
  }
  return null;
}

const SETTINGS_PATHS: Record<string, SettingsField> = {
  functionName: "functionName",
  tolerance: "tolerance",
  timeLimitMs: "timeLimit",
  memoryMb: "memoryMb",
  passingPercent: "passingPercent",
  maxAttempts: "maxAttempts",
};

/**
 * The API's refusal as form errors. Paths name settings ("settings.functionName"), code
 * ("referenceSolution"), a test by position ("tests.2.input") or the prompt ("body", from
 * the lesson's save); whatever names no field here becomes the form's message.
 */
export function serverExerciseErrors(
  fieldErrors: Record<string, string>,
  message: string,
  draft: ExerciseDraft,
): ExerciseErrors {
  const errors: ExerciseErrors = { settings: {}, tests: {} };
  const unplaced: string[] = [];
  for (const [path, text] of Object.entries(fieldErrors)) {
    const [head, second, third] = path.split(".");
    if (head === "body") errors.prompt = text;
    else if (head === "starterCode" || head === "referenceSolution") errors[head] = text;
    else if (head === "settings" && second && SETTINGS_PATHS[second]) {
      errors.settings[SETTINGS_PATHS[second]] = text;
    } else if (head === "tests" && second !== undefined) {
      const test = draft.tests[Number(second)];
      if (test && (third === "points" || third === "input" || third === "expected")) {
        errors.tests[test.key] = { ...errors.tests[test.key], [third]: text };
      } else unplaced.push(text);
    } else unplaced.push(text);
  }
  if (unplaced.length > 0 || countErrors(errors) === 0) {
    errors.form = unplaced.length > 0 ? unplaced.join(" ") : message;
  }
  return errors;
}
