import { moveItem } from "../reorder";
import {
  type EditableQuiz,
  isChoice,
  newKey,
  type QuestionDraft,
  type QuestionKind,
  type QuizDraft,
  toDraft,
} from "./quiz-editor";

/** Edits of the quiz builder's draft that are more than setting a field. */

export const ACCEPTED_MAX = 20;

/** A new kind for a question; a single choice keeps only the first option marked correct. */
export function changeKind(
  question: QuestionDraft,
  kind: QuestionKind,
  makeId: () => string = newKey,
): QuestionDraft {
  const options = [...question.options];
  while (isChoice(kind) && options.length < 2) options.push({ id: makeId(), text: "" });
  const correct = kind === "single_choice" ? question.correct.slice(0, 1) : question.correct;
  return { ...question, kind, options, correct };
}

/** Marks an option correct: the only one for single choice, toggled for multiple choice. */
export function markCorrect(question: QuestionDraft, optionId: string, on: boolean): string[] {
  if (question.kind === "single_choice") return on ? [optionId] : [];
  const others = question.correct.filter((id) => id !== optionId);
  return on ? [...others, optionId] : others;
}

/** Moves the item at `index` by `delta`; an unchanged copy when it cannot move that way. */
export function moveAt<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  return to < 0 || to >= list.length ? [...list] : moveItem(list, index, to);
}

/** Adds a typed accepted answer: trimmed, once (matching ignores case anyway), at most 20. */
export function addAccepted(existing: readonly string[], raw: string): string[] {
  const answer = raw.trim().replace(/\s+/g, " ");
  const known = existing.some((a) => a.toLowerCase() === answer.toLowerCase());
  if (!answer || known || existing.length >= ACCEPTED_MAX) return [...existing];
  return [...existing, answer];
}

/**
 * After a save: the draft as the server stored it (new questions now have ids) and the
 * form's draft to show. Edits made while the save was on its way are kept, given the ids.
 */
export function applySaved(
  current: QuizDraft,
  sent: QuizDraft,
  result: EditableQuiz,
): { draft: QuizDraft; saved: QuizDraft } {
  const saved = toDraft(result, sent);
  if (JSON.stringify(current) === JSON.stringify(sent)) return { draft: saved, saved };
  const ids = new Map(saved.questions.map((q) => [q.key, q.id]));
  return {
    draft: {
      ...current,
      questions: current.questions.map((q) => ({ ...q, id: q.id ?? ids.get(q.key) })),
    },
    saved,
  };
}
