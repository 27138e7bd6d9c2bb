import { queryClient, trpc, trpcClient } from "../../../../lib/trpc";
import { usePromptedLessonForm } from "../use-prompted-lesson-form";
import {
  type EditableExercise,
  type ExerciseDraft,
  type SettingsDraft,
  type TestDraft,
  toDraft,
  toSaveInput,
} from "./exercise-editor";
import { applySaved, updateTest } from "./exercise-editor-edits";
import {
  countErrors,
  type ExerciseErrors,
  firstInvalidId,
  serverExerciseErrors,
  validateExercise,
} from "./exercise-editor-validate";

const NO_ERRORS: ExerciseErrors = { settings: {}, tests: {} };

/**
 * The exercise editor's state: the draft (prompt, settings, code, tests) and its errors, with
 * Save writing the prompt to the lesson when it changed and then the whole exercise
 * (`exercise.save` replaces it) — the prompted lesson form with the exercise's parts.
 */
export function useExerciseForm(exercise: EditableExercise, prompt: string, courseId: string) {
  const { lessonId } = exercise;
  const form = usePromptedLessonForm(lessonId, courseId, () => toDraft(exercise, prompt), {
    dirtyKey: `exercise:${lessonId}`,
    saveRest: (next) => trpcClient.exercise.save.mutate(toSaveInput(lessonId, next)),
    applySaved,
    // The reference check panel follows the saved exercise (and polls while it is checked).
    onSaved: (result) =>
      queryClient.setQueryData(trpc.exercise.edit.queryKey({ lessonId }), result),
    validate: validateExercise,
    noErrors: NO_ERRORS,
    countErrors,
    firstInvalidId,
    serverErrors: serverExerciseErrors,
  });
  const { setDraft } = form;
  const setSettings = (patch: Partial<SettingsDraft>) =>
    setDraft((d: ExerciseDraft) => ({ ...d, settings: { ...d.settings, ...patch } }));
  const setTest = (key: string, patch: Partial<Omit<TestDraft, "key" | "id">>) =>
    setDraft((d: ExerciseDraft) => updateTest(d, key, patch));
  return { ...form, setSettings, setTest };
}

export type ExerciseForm = ReturnType<typeof useExerciseForm>;
