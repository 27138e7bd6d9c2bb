import type { MessageDescriptor } from "@lingui/core";
import { msg } from "@lingui/core/macro";
import type { inferInput, inferOutput } from "@trpc/tanstack-react-query";
import type { trpc } from "../../../../lib/trpc";
import { newKey, parseNumber } from "../quiz/quiz-editor";

/**
 * The exercise editor's draft: what the form edits, kept apart from the API's shape. Numbers
 * stay text until saved (so "" and "0." can be typed); the time limit is edited in seconds.
 * The prompt is the lesson's body, saved with the exercise by the same button.
 */
export type EditableExercise = inferOutput<typeof trpc.exercise.edit>;
export type SaveExerciseInput = inferInput<typeof trpc.exercise.save>;
export type ExerciseSettings = EditableExercise["settings"];
export type ExerciseLanguageName = ExerciseSettings["language"];
export type TestStyle = ExerciseSettings["style"];
export type Normalise = ExerciseSettings["normalise"];
export type ReferenceCheck = NonNullable<EditableExercise["referenceCheck"]>;

export { newKey, parseNumber };

/** The API's default tolerance for numbers (absolute and relative). */
export const DEFAULT_TOLERANCE = 0.000001;

/** Labels and hints are translated where shown (`t(descriptor)`). */
export const STYLE_OPTIONS: ReadonlyArray<{
  value: TestStyle;
  label: MessageDescriptor;
  hint: MessageDescriptor;
}> = [
  {
    value: "stdio",
    label: msg`Standard input → output`,
    hint: msg`Each test feeds its input to the program and compares what it prints.`,
  },
  {
    value: "function",
    label: msg`Function call`,
    hint: msg`Each test calls the learner's function with arguments and compares what it returns.`,
  },
];

export const NORMALISE_OPTIONS: ReadonlyArray<{ value: Normalise; label: MessageDescriptor }> = [
  { value: "exact", label: msg`Exactly, character for character` },
  { value: "trim", label: msg`Ignore trailing whitespace` },
  { value: "tokens", label: msg`Compare words, ignoring spacing` },
  { value: "numeric", label: msg`Numbers within a tolerance` },
];

export const isNormalise = (value: string): value is Normalise =>
  NORMALISE_OPTIONS.some((o) => o.value === value);

export interface SettingsDraft {
  language: ExerciseLanguageName;
  style: TestStyle;
  functionName: string;
  normalise: Normalise;
  tolerance: string;
  /** Seconds, as typed ("2", "0.5"). */
  timeLimitSeconds: string;
  memoryMb: string;
  passingPercent: string;
  unlimited: boolean;
  maxAttempts: string;
  requiredForCertificate: boolean;
}

export interface TestDraft {
  /** Stable for the life of the form (React key, field ids); not sent. */
  key: string;
  /** The server's id; absent until the test is first saved. */
  id: string | undefined;
  sample: boolean;
  points: string;
  input: string;
  expected: string;
}

export interface ExerciseDraft {
  /** The lesson's body, in Markdown. */
  prompt: string;
  settings: SettingsDraft;
  starterCode: string;
  referenceSolution: string;
  tests: TestDraft[];
}

/** A new test: the first one is a sample learners see, later ones hidden. */
export function newTest(existing: readonly TestDraft[], makeId: () => string = newKey): TestDraft {
  return {
    key: makeId(),
    id: undefined,
    sample: existing.length === 0,
    points: "1",
    input: "",
    expected: "",
  };
}

/** Milliseconds as the seconds field shows them: 2000 → "2", 1500 → "1.5". */
export const secondsText = (ms: number) => String(ms / 1000);

/** The saved exercise as a draft; keys of `previous` are kept by position, so focus survives a save. */
export function toDraft(
  exercise: EditableExercise,
  prompt: string,
  previous?: ExerciseDraft,
  makeId: () => string = newKey,
): ExerciseDraft {
  const { settings } = exercise;
  return {
    prompt,
    settings: {
      language: settings.language,
      style: settings.style,
      functionName: settings.functionName,
      normalise: settings.normalise,
      tolerance: String(settings.tolerance),
      timeLimitSeconds: secondsText(settings.timeLimitMs),
      memoryMb: String(settings.memoryMb),
      passingPercent: String(settings.passingPercent),
      unlimited: settings.maxAttempts === null,
      maxAttempts: String(settings.maxAttempts ?? previous?.settings.maxAttempts ?? 3),
      requiredForCertificate: settings.requiredForCertificate,
    },
    starterCode: exercise.starterCode,
    referenceSolution: exercise.referenceSolution,
    tests: exercise.tests.map((t, index) => ({
      key: previous?.tests[index]?.key ?? makeId(),
      id: t.id,
      sample: t.sample,
      points: String(t.points),
      input: t.input,
      expected: t.expected,
    })),
  };
}

/** What `exercise.save` takes (the prompt goes to the lesson). Call it on a valid draft. */
export function toSaveInput(lessonId: string, draft: ExerciseDraft): SaveExerciseInput {
  const { settings } = draft;
  const stdio = settings.style === "stdio";
  return {
    lessonId,
    settings: {
      language: settings.language,
      style: settings.style,
      // A stdio exercise calls no function: a name typed before switching is not kept.
      functionName: stdio ? "" : settings.functionName.trim(),
      normalise: settings.normalise,
      tolerance: toleranceOf(settings.tolerance),
      timeLimitMs: Math.round(parseNumber(settings.timeLimitSeconds) * 1000),
      memoryMb: parseNumber(settings.memoryMb),
      passingPercent: parseNumber(settings.passingPercent),
      maxAttempts: settings.unlimited ? null : parseNumber(settings.maxAttempts),
      requiredForCertificate: settings.requiredForCertificate,
    },
    starterCode: draft.starterCode,
    referenceSolution: draft.referenceSolution,
    tests: draft.tests.map((t) => ({
      ...(t.id ? { id: t.id } : {}),
      sample: t.sample,
      points: parseNumber(t.points),
      input: t.input,
      expected: t.expected,
    })),
  };
}

/** The tolerance as typed when it is one (0–1); the default otherwise (its field is hidden). */
function toleranceOf(text: string): number {
  const tolerance = parseNumber(text || "0");
  return tolerance >= 0 && tolerance <= 1 ? tolerance : DEFAULT_TOLERANCE;
}

/** Field ids, shared by the form (labels, focus) and validation. */
export const exerciseFieldId = (lessonId: string, field: string) => `exercise-${lessonId}-${field}`;
export const testFieldId = (key: string, field: string) => `exercise-test-${key}-${field}`;
