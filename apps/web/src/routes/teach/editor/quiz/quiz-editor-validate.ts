import { t } from "@lingui/core/macro";
import { inputTextProblem } from "@lumen/shared/text-rules";
import {
  isChoice,
  parseNumber,
  type QuestionDraft,
  type QuizDraft,
  questionFieldId,
  settingsFieldId,
} from "./quiz-editor";

/**
 * The quiz builder's checks, the same rules the API's input schema enforces (so a save is
 * rarely refused), and the API's field errors mapped back onto the questions they name.
 * Messages are made when the form is checked, in the language shown then (global `t`); the
 * shared text rules' messages are the API's, which the server translates.
 */
export const QUIZ_LIMITS = {
  questionsMax: 100,
  optionsMax: 10,
  promptMax: 2000,
  explanationMax: 2000,
  optionMax: 500,
  acceptedMax: 20,
  acceptedLengthMax: 200,
  pointsMax: 100,
  attemptsMax: 100,
} as const;

export type QuestionField =
  | "prompt"
  | "points"
  | "explanation"
  | "options"
  | "answer"
  | "value"
  | "tolerance"
  | "accepted";
export type QuestionErrors = Partial<Record<QuestionField, string>> & {
  /** Per option id: its text. */
  optionText?: Record<string, string>;
};

export interface QuizErrors {
  passingPercent?: string;
  maxAttempts?: string;
  /** By question key. */
  questions: Record<string, QuestionErrors>;
  /** What belongs to no single field (e.g. a refusal the API did not locate). */
  form?: string;
}

const L = QUIZ_LIMITS;
const isInt = (n: number) => Number.isInteger(n);

export function validateQuestion(q: QuestionDraft): QuestionErrors {
  const e: QuestionErrors = {};
  const prompt = q.prompt.trim();
  if (!prompt) e.prompt = t`Write the question.`;
  else if (prompt.length > L.promptMax) e.prompt = t`Questions can be at most 2,000 characters.`;
  const points = parseNumber(q.points);
  if (!isInt(points) || points < 1 || points > L.pointsMax) {
    const max = L.pointsMax;
    e.points = t`Points must be a whole number from 1 to ${max}.`;
  }
  if (q.explanation.trim().length > L.explanationMax) {
    e.explanation = t`Explanations can be at most 2,000 characters.`;
  }
  // The API's text rules (control characters, broken characters), with the same messages.
  const promptText = inputTextProblem(q.prompt, "Question text", { multiline: true });
  if (promptText && !e.prompt) e.prompt = promptText;
  const explanation = inputTextProblem(q.explanation, "Explanation", { multiline: true });
  if (explanation && !e.explanation) e.explanation = explanation;
  if (isChoice(q.kind)) {
    const optionsMax = L.optionsMax;
    if (q.options.length < 2) e.options = t`Give at least two options.`;
    else if (q.options.length > optionsMax) e.options = t`At most ${optionsMax} options.`;
    const optionText: Record<string, string> = {};
    for (const option of q.options) {
      const text = option.text.trim();
      const problem = inputTextProblem(text, "Option text");
      if (!text) optionText[option.id] = t`Options need text.`;
      else if (text.length > L.optionMax) {
        optionText[option.id] = t`Options can be at most 500 characters.`;
      } else if (problem) optionText[option.id] = problem;
    }
    if (Object.keys(optionText).length > 0) e.optionText = optionText;
    const marked = q.correct.filter((id) => q.options.some((o) => o.id === id));
    if (marked.length === 0) {
      e.answer =
        q.kind === "single_choice"
          ? t`Mark the correct option.`
          : t`Mark at least one correct option.`;
    }
  }
  if (q.kind === "numeric") {
    if (!Number.isFinite(parseNumber(q.value))) e.value = t`Give the correct answer as a number.`;
    const tolerance = parseNumber(q.tolerance || "0");
    if (!Number.isFinite(tolerance)) e.tolerance = t`Tolerance must be a number.`;
    else if (tolerance < 0) e.tolerance = t`Tolerance cannot be negative.`;
  }
  if (q.kind === "short_text") {
    const acceptedMax = L.acceptedMax;
    if (q.accepted.length === 0) e.accepted = t`Give at least one accepted answer.`;
    else if (q.accepted.length > acceptedMax) {
      e.accepted = t`At most ${acceptedMax} accepted answers.`;
    }
  }
  return e;
}

export function validateQuiz(draft: QuizDraft): QuizErrors {
  const errors: QuizErrors = { questions: {} };
  const { settings } = draft;
  const passing = parseNumber(settings.passingPercent);
  if (!isInt(passing) || passing < 0 || passing > 100) {
    errors.passingPercent = t`The passing score is a whole percent from 0 to 100.`;
  }
  const attempts = parseNumber(settings.maxAttempts);
  const { attemptsMax, questionsMax } = L;
  if (!settings.unlimited && (!isInt(attempts) || attempts < 1 || attempts > L.attemptsMax)) {
    errors.maxAttempts = t`Allow from 1 to ${attemptsMax} attempts, or choose unlimited.`;
  }
  if (draft.questions.length > L.questionsMax) {
    errors.form = t`A quiz can have at most ${questionsMax} questions.`;
  }
  for (const q of draft.questions) {
    const e = validateQuestion(q);
    if (Object.keys(e).length > 0) errors.questions[q.key] = e;
  }
  return errors;
}

/** How many fields need fixing. */
export function countErrors(errors: QuizErrors): number {
  let n = (errors.passingPercent ? 1 : 0) + (errors.maxAttempts ? 1 : 0) + (errors.form ? 1 : 0);
  for (const e of Object.values(errors.questions)) {
    const { optionText, ...fields } = e;
    n += Object.keys(fields).length + Object.keys(optionText ?? {}).length;
  }
  return n;
}

const FIELD_ORDER: readonly QuestionField[] = [
  "prompt",
  "points",
  "options",
  "answer",
  "value",
  "tolerance",
  "accepted",
  "explanation",
];

/** The id of the first field with an error, in the form's order, for focus. */
export function firstInvalidId(lessonId: string, draft: QuizDraft, errors: QuizErrors) {
  if (errors.passingPercent) return settingsFieldId(lessonId, "passing");
  if (errors.maxAttempts) return settingsFieldId(lessonId, "maxAttempts");
  for (const q of draft.questions) {
    const e = errors.questions[q.key];
    if (!e) continue;
    if (e.prompt) return questionFieldId(q.key, "prompt");
    if (e.points) return questionFieldId(q.key, "points");
    const option = q.options.find((o) => e.optionText?.[o.id]);
    if (option) return questionFieldId(q.key, `option-${option.id}`);
    const field = FIELD_ORDER.find((f) => e[f]);
    if (field) return questionFieldId(q.key, field);
  }
  return null;
}

/**
 * The API's refusal as form errors. Paths name a question by position ("questions.2.answer",
 * "questions.0.options.1.text"); whatever names no field here becomes the form's message.
 */
export function serverQuizErrors(
  fieldErrors: Record<string, string>,
  message: string,
  draft: QuizDraft,
): QuizErrors {
  const errors: QuizErrors = { questions: {} };
  const unplaced: string[] = [];
  for (const [path, text] of Object.entries(fieldErrors)) {
    const settings = /^settings\.(passingPercent|maxAttempts)/.exec(path);
    if (settings) {
      errors[settings[1] === "passingPercent" ? "passingPercent" : "maxAttempts"] = text;
      continue;
    }
    const match = /^questions\.(\d+)\.(\w+)(?:\.(\w+))?(?:\.(\w+))?/.exec(path);
    const question = match ? draft.questions[Number(match[1])] : undefined;
    const placed = match && question ? placeQuestionError(question, match, text, errors) : false;
    if (!placed) unplaced.push(text);
  }
  if (unplaced.length > 0 || countErrors(errors) === 0) {
    errors.form = unplaced.length > 0 ? unplaced.join(" ") : message;
  }
  return errors;
}

const PLAIN_FIELDS = ["prompt", "points", "explanation", "options", "answer"] as const;
const isPlainField = (field: string): field is (typeof PLAIN_FIELDS)[number] =>
  PLAIN_FIELDS.some((f) => f === field);

/** The question field a path below "questions.N" names, or null when it names none here. */
function fieldOfPath(
  question: QuestionDraft,
  field: string,
  sub: string | undefined,
  leaf: string | undefined,
): { field: QuestionField } | { optionId: string } | null {
  if (field === "options" && sub !== undefined && leaf === "text") {
    const option = question.options[Number(sub)];
    return option ? { optionId: option.id } : { field: "options" };
  }
  if (field === "answer") {
    if (sub === "value" || sub === "tolerance" || sub === "accepted") return { field: sub };
    if (question.kind === "numeric") return { field: "value" };
    if (question.kind === "short_text") return { field: "accepted" };
  }
  return isPlainField(field) ? { field } : null;
}

function placeQuestionError(
  question: QuestionDraft,
  [, , field = "", sub, leaf]: RegExpExecArray,
  text: string,
  errors: QuizErrors,
): boolean {
  const place = fieldOfPath(question, field, sub, leaf);
  if (!place) return false;
  const e: QuestionErrors = errors.questions[question.key] ?? {};
  if ("optionId" in place) e.optionText = { ...e.optionText, [place.optionId]: text };
  else e[place.field] = text;
  errors.questions[question.key] = e;
  return true;
}
