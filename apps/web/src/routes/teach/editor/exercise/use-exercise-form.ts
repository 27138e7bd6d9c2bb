import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { apiErrorCode, apiFieldErrors, queryClient, trpc, trpcClient } from "../../../../lib/trpc";
import { courseMutationKey, noteUpdatedAt, refreshCourse } from "../../api";
import { saveState } from "../SaveStatus";
import { useFocusRequest } from "../use-focus-request";
import { useReportDirty } from "../use-unsaved-changes-guard";
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
 * The exercise editor's state: the draft (prompt, settings, code, tests), its errors (shown
 * from the first Save on; the API's until the next edit), and Save, which writes the prompt
 * to the lesson when it changed and then the whole exercise (`exercise.save` replaces it).
 */
export function useExerciseForm(exercise: EditableExercise, prompt: string, courseId: string) {
  const { lessonId } = exercise;
  const [draft, setDraftState] = useState(() => toDraft(exercise, prompt));
  const [saved, setSaved] = useState(() => draft);
  const [checked, setChecked] = useState(false);
  const [serverErrors, setServerErrors] = useState<ExerciseErrors | null>(null);
  const latest = useRef(draft);
  latest.current = draft;
  const sent = useRef(draft);
  const focus = useFocusRequest();
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  useReportDirty(`exercise:${lessonId}`, dirty);

  const save = useMutation({
    // Counted by the editor's "Saving changes…"; the course's updatedAt moves with it.
    mutationKey: courseMutationKey(courseId),
    mutationFn: async (next: ExerciseDraft) => {
      if (next.prompt !== saved.prompt) {
        const lesson = await trpcClient.authoring.updateLesson.mutate({
          lessonId,
          body: next.prompt,
        });
        noteUpdatedAt(courseId, lesson.updatedAt);
      }
      return trpcClient.exercise.save.mutate(toSaveInput(lessonId, next));
    },
    onSuccess: (result) => {
      const next = applySaved(latest.current, sent.current, result);
      setDraftState(next.draft);
      setSaved(next.saved);
      setChecked(false);
      // The reference check panel follows the saved exercise (and polls while it is checked).
      queryClient.setQueryData(trpc.exercise.edit.queryKey({ lessonId }), result);
    },
    onError: (error) => {
      // Refused input is shown on its fields; anything else is the save status's to explain.
      if (apiErrorCode(error) !== "BAD_REQUEST") return;
      const errors = serverExerciseErrors(apiFieldErrors(error), error.message, sent.current);
      setServerErrors(errors);
      const id = firstInvalidId(lessonId, sent.current, errors);
      if (id) focus(id);
    },
    // The outline's badge and the publish checklist (exercise_*) follow the exercise.
    onSettled: () => refreshCourse(courseId),
  });

  const setDraft = (update: (draft: ExerciseDraft) => ExerciseDraft) => {
    setServerErrors(null);
    setDraftState(update);
  };
  const setSettings = (patch: Partial<SettingsDraft>) =>
    setDraft((d) => ({ ...d, settings: { ...d.settings, ...patch } }));
  const setTest = (key: string, patch: Partial<Omit<TestDraft, "key" | "id">>) =>
    setDraft((d) => updateTest(d, key, patch));

  const clientErrors = checked ? validateExercise(draft) : NO_ERRORS;
  const errors = serverErrors ?? clientErrors;

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    setChecked(true);
    const found = validateExercise(draft);
    if (countErrors(found) > 0) {
      const id = firstInvalidId(lessonId, draft, found);
      if (id) focus(id);
      return;
    }
    sent.current = draft;
    save.mutate(draft);
  };

  return {
    lessonId,
    draft,
    setDraft,
    setSettings,
    setTest,
    errors,
    problemCount: countErrors(errors),
    /** The API refused the last save and its errors are still shown. */
    refused: serverErrors !== null,
    dirty,
    save,
    status: saveState(save, dirty),
    submit,
    focus,
  };
}

export type ExerciseForm = ReturnType<typeof useExerciseForm>;
