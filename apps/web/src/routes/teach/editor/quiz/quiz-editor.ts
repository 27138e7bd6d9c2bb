import type { MessageDescriptor } from "@lingui/core";
import { msg } from "@lingui/core/macro";
import type { inferInput, inferOutput } from "@trpc/tanstack-react-query";
import type { trpc } from "../../../../lib/trpc";

/**
 * The quiz builder's draft: what the form edits, kept apart from the API's shape. Numbers
 * stay text until saved (so "" and "1." can be typed), and each question keeps every kind's
 * answer fields, so switching its kind loses nothing already typed.
 */
export type EditableQuiz = inferOutput<typeof trpc.quiz.edit>;
export type SaveQuizInput = inferInput<typeof trpc.quiz.save>;
export type QuestionKind = EditableQuiz["questions"][number]["kind"];

/** Labels translated where shown (`t(label)`), so a language switch re-renders them. */
export const QUESTION_KINDS: ReadonlyArray<{ kind: QuestionKind; label: MessageDescriptor }> = [
  { kind: "single_choice", label: msg`Single choice` },
  { kind: "multiple_choice", label: msg`Multiple choice` },
  { kind: "true_false", label: msg`True or false` },
  { kind: "numeric", label: msg`Numeric` },
  { kind: "short_text", label: msg`Short text` },
];
export const kindLabel = (kind: QuestionKind): MessageDescriptor =>
  QUESTION_KINDS.find((k) => k.kind === kind)?.label ?? { id: kind, message: kind };
export const isChoice = (kind: QuestionKind) =>
  kind === "single_choice" || kind === "multiple_choice";

export interface OptionDraft {
  id: string;
  text: string;
}

export interface QuestionDraft {
  /** Stable for the life of the form (React key, field ids); not sent. */
  key: string;
  /** The server's id; absent until the question is first saved. */
  id: string | undefined;
  kind: QuestionKind;
  prompt: string;
  points: string;
  explanation: string;
  options: OptionDraft[];
  /** Option ids marked correct (single choice: at most one). */
  correct: string[];
  truth: boolean;
  value: string;
  tolerance: string;
  accepted: string[];
}

export interface SettingsDraft {
  passingPercent: string;
  unlimited: boolean;
  maxAttempts: string;
  requiredForCertificate: boolean;
}

export interface QuizDraft {
  settings: SettingsDraft;
  questions: QuestionDraft[];
}

let counter = 0;
/** Unique within the page: question keys and new option ids (the API allows 1–40 chars). */
export function newKey(): string {
  counter += 1;
  return `k${counter.toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

export function newQuestion(kind: QuestionKind, makeId: () => string = newKey): QuestionDraft {
  return {
    key: makeId(),
    id: undefined,
    kind,
    prompt: "",
    points: "1",
    explanation: "",
    options: [
      { id: makeId(), text: "" },
      { id: makeId(), text: "" },
    ],
    correct: [],
    truth: true,
    value: "",
    tolerance: "0",
    accepted: [],
  };
}

/** The saved quiz as a draft; keys of `previous` are kept by position, so focus survives a save. */
export function toDraft(
  quiz: EditableQuiz,
  previous?: QuizDraft,
  makeId: () => string = newKey,
): QuizDraft {
  const { settings } = quiz;
  return {
    settings: {
      passingPercent: String(settings.passingPercent),
      unlimited: settings.maxAttempts === null,
      maxAttempts: String(settings.maxAttempts ?? previous?.settings.maxAttempts ?? 3),
      requiredForCertificate: settings.requiredForCertificate,
    },
    questions: quiz.questions.map((q, index) => {
      const base = {
        ...newQuestion(q.kind, makeId),
        key: previous?.questions[index]?.key ?? makeId(),
        id: q.id,
        prompt: q.prompt,
        points: String(q.points),
        explanation: q.explanation,
      };
      switch (q.kind) {
        case "single_choice":
          return { ...base, options: q.options, correct: [q.answer.optionId] };
        case "multiple_choice":
          return { ...base, options: q.options, correct: q.answer.optionIds };
        case "true_false":
          return { ...base, truth: q.answer.value };
        case "numeric":
          return { ...base, value: String(q.answer.value), tolerance: String(q.answer.tolerance) };
        default: // short_text, the last kind
          return { ...base, accepted: q.answer.accepted };
      }
    }),
  };
}

/** A typed number: "2,5" is read as 2.5; blank or anything else is NaN. */
export function parseNumber(text: string): number {
  const trimmed = text.trim().replace(/^(-?\d+),(\d+)$/, "$1.$2");
  return trimmed === "" ? Number.NaN : Number(trimmed);
}

/** What `quiz.save` takes. Call it on a draft that passed validateQuiz. */
export function toSaveInput(lessonId: string, draft: QuizDraft): SaveQuizInput {
  const { settings } = draft;
  return {
    lessonId,
    settings: {
      passingPercent: parseNumber(settings.passingPercent),
      maxAttempts: settings.unlimited ? null : parseNumber(settings.maxAttempts),
      requiredForCertificate: settings.requiredForCertificate,
    },
    questions: draft.questions.map((q) => {
      const base = {
        ...(q.id ? { id: q.id } : {}),
        prompt: q.prompt.trim(),
        points: parseNumber(q.points),
        explanation: q.explanation.trim(),
      };
      const options = q.options.map((o) => ({ id: o.id, text: o.text.trim() }));
      switch (q.kind) {
        case "single_choice":
          return { ...base, kind: q.kind, options, answer: { optionId: q.correct[0] ?? "" } };
        case "multiple_choice":
          return { ...base, kind: q.kind, options, answer: { optionIds: q.correct } };
        case "true_false":
          return { ...base, kind: q.kind, answer: { value: q.truth } };
        case "numeric":
          return {
            ...base,
            kind: q.kind,
            answer: { value: parseNumber(q.value), tolerance: parseNumber(q.tolerance || "0") },
          };
        default: // short_text, the last kind
          return { ...base, kind: q.kind, answer: { accepted: q.accepted } };
      }
    }),
  };
}

/** Field ids, shared by the form (labels, focus) and the validation summary. */
export const questionFieldId = (key: string, field: string) => `quiz-${key}-${field}`;
export const settingsFieldId = (lessonId: string, field: string) => `quiz-${lessonId}-${field}`;
