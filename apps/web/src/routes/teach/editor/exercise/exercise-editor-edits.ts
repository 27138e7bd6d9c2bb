import { moveAt } from "../quiz/quiz-editor-edits";
import {
  type EditableExercise,
  type ExerciseDraft,
  newTest,
  type TestDraft,
  toDraft,
} from "./exercise-editor";
import { EXERCISE_LIMITS } from "./exercise-editor-validate";

/** Edits of the exercise draft that are more than setting a field. */

export { moveAt };

/** Adds a test at the end (a sample when it is the first); unchanged when the list is full. */
export function addTest(
  draft: ExerciseDraft,
  test: TestDraft = newTest(draft.tests),
): ExerciseDraft {
  if (draft.tests.length >= EXERCISE_LIMITS.testsMax) return draft;
  return { ...draft, tests: [...draft.tests, test] };
}

export function removeTest(draft: ExerciseDraft, key: string): ExerciseDraft {
  return { ...draft, tests: draft.tests.filter((t) => t.key !== key) };
}

export function moveTest(draft: ExerciseDraft, index: number, delta: -1 | 1): ExerciseDraft {
  return { ...draft, tests: moveAt(draft.tests, index, delta) };
}

export function updateTest(
  draft: ExerciseDraft,
  key: string,
  patch: Partial<Omit<TestDraft, "key" | "id">>,
): ExerciseDraft {
  return { ...draft, tests: draft.tests.map((t) => (t.key === key ? { ...t, ...patch } : t)) };
}

/**
 * After a save: the draft as the server stored it (new tests now have ids) and the form's
 * draft to show. Edits made while the save was on its way are kept, given the new ids.
 */
export function applySaved(
  current: ExerciseDraft,
  sent: ExerciseDraft,
  result: EditableExercise,
): { draft: ExerciseDraft; saved: ExerciseDraft } {
  const saved = toDraft(result, sent.prompt, sent);
  if (JSON.stringify(current) === JSON.stringify(sent)) return { draft: saved, saved };
  const ids = new Map(saved.tests.map((t) => [t.key, t.id]));
  return {
    draft: { ...current, tests: current.tests.map((t) => ({ ...t, id: t.id ?? ids.get(t.key) })) },
    saved,
  };
}
