import { ValidationError } from "../kernel";
import type { EditableQuestion } from "./inputs";

/**
 * What zod cannot check on its own: answers must name options of their own question, option
 * ids are unique within a question, and question ids are unique within the quiz. Errors are
 * keyed by path ("questions.2.answer") so the editor can show each next to its field.
 */
export function assertValidQuestions(questions: readonly EditableQuestion[]) {
  const fieldErrors: Record<string, string[]> = {};
  const add = (path: string, message: string) => {
    fieldErrors[path] = [...(fieldErrors[path] ?? []), message];
  };
  const seenIds = new Set<string>();
  questions.forEach((question, index) => {
    const at = `questions.${index}`;
    if (question.id !== undefined) {
      if (seenIds.has(question.id)) add(`${at}.id`, "Two questions have the same id.");
      seenIds.add(question.id);
    }
    if (question.kind !== "single_choice" && question.kind !== "multiple_choice") return;
    const optionIds = new Set(question.options.map((o) => o.id));
    if (optionIds.size !== question.options.length) {
      add(`${at}.options`, "Each option needs its own id.");
    }
    const marked =
      question.kind === "single_choice" ? [question.answer.optionId] : question.answer.optionIds;
    if (marked.some((id) => !optionIds.has(id))) {
      add(`${at}.answer`, "The correct answer must be one of this question's options.");
    } else if (new Set(marked).size !== marked.length) {
      add(`${at}.answer`, "An option is marked correct twice.");
    }
  });
  if (Object.keys(fieldErrors).length > 0) {
    throw new ValidationError(
      "Some questions need fixing before the quiz can be saved.",
      fieldErrors,
    );
  }
}
