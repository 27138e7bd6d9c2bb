import { t } from "@lingui/core/macro";

/**
 * The quiz form's answers and what `quiz.submit` takes. The form keeps what the learner
 * typed or picked (a half-typed number stays as typed); submitting turns it into responses of
 * the kinds the server grades, leaving unanswered questions out (they score 0).
 */
export type QuestionKind =
  | "single_choice"
  | "multiple_choice"
  | "true_false"
  | "numeric"
  | "short_text";

export interface QuizQuestionLike {
  id: string;
  kind: QuestionKind;
  options: Array<{ id: string; text: string }>;
}

export type DraftAnswer =
  | { kind: "choice"; optionIds: string[] }
  | { kind: "boolean"; value: boolean }
  | { kind: "text"; value: string };

export type LearnerResponse =
  | { kind: "choice"; optionIds: string[] }
  | { kind: "boolean"; value: boolean }
  | { kind: "number"; value: number }
  | { kind: "text"; value: string };

export interface Submission {
  answers: Array<{ questionId: string; response: LearnerResponse }>;
  /** Question ids left blank, in quiz order. */
  unanswered: string[];
  /** Answers that cannot be sent as they are, by question id. */
  errors: Record<string, string>;
}

export const SHORT_TEXT_MAX = 500;

export function toSubmission(
  questions: readonly QuizQuestionLike[],
  drafts: Readonly<Record<string, DraftAnswer | undefined>>,
): Submission {
  const out: Submission = { answers: [], unanswered: [], errors: {} };
  for (const question of questions) {
    const result = toResponse(question, drafts[question.id]);
    if (result === null) out.unanswered.push(question.id);
    else if ("error" in result) out.errors[question.id] = result.error;
    else out.answers.push({ questionId: question.id, response: result });
  }
  return out;
}

function toResponse(
  question: QuizQuestionLike,
  draft: DraftAnswer | undefined,
): LearnerResponse | { error: string } | null {
  if (!draft) return null;
  switch (question.kind) {
    case "single_choice":
    case "multiple_choice": {
      if (draft.kind !== "choice") return null;
      const offered = new Set(question.options.map((o) => o.id));
      const picked = [...new Set(draft.optionIds)].filter((id) => offered.has(id));
      if (question.kind === "single_choice") picked.splice(1);
      return picked.length === 0 ? null : { kind: "choice", optionIds: picked };
    }
    case "true_false":
      return draft.kind === "boolean" ? { kind: "boolean", value: draft.value } : null;
    case "numeric": {
      if (draft.kind !== "text" || draft.value.trim() === "") return null;
      const value = parseNumber(draft.value);
      return value === null
        ? // Made when the learner submits, in the language active then.
          { error: t`Enter a number, for example 42 or 3.5.` }
        : { kind: "number", value };
    }
    case "short_text": {
      if (draft.kind !== "text") return null;
      const value = draft.value.trim().slice(0, SHORT_TEXT_MAX);
      return value === "" ? null : { kind: "text", value };
    }
  }
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/**
 * A number as people type it: "3.5", "-2", "1e3", "1 000", and "3,5" with a decimal comma.
 * Anything else (hex, words, "1.2.3") is null rather than a silent guess.
 */
export function parseNumber(text: string): number | null {
  let compact = text.trim().replace(/[\s\u00a0\u202f_]/g, "");
  if (!compact.includes(".") && /^[+-]?\d*,\d+$/.test(compact)) compact = compact.replace(",", ".");
  if (!NUMBER.test(compact)) return null;
  const value = Number(compact);
  return Number.isFinite(value) ? value : null;
}

/** How many questions have an answer that would be sent. */
export function answeredCount(
  questions: readonly QuizQuestionLike[],
  drafts: Readonly<Record<string, DraftAnswer | undefined>>,
): number {
  const { answers, errors } = toSubmission(questions, drafts);
  return answers.length + Object.keys(errors).length;
}
