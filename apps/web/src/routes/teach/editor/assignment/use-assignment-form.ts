import { useState } from "react";
import { queryClient, trpc, trpcClient } from "../../../../lib/trpc";
import { usePromptedLessonForm } from "../use-prompted-lesson-form";
import {
  type AssignmentDraft,
  type EditableAssignment,
  type SettingsDraft,
  toDraft,
  toSaveInput,
} from "./assignment-editor";
import { applySaved } from "./assignment-editor-edits";
import { serverAssignmentErrors } from "./assignment-editor-server-errors";
import {
  countErrors,
  firstInvalidId,
  noErrors,
  validateAssignment,
} from "./assignment-editor-validate";

const NO_ERRORS = noErrors();

/**
 * The assignment editor's state: the draft (prompt, settings, rubric, examples) and its
 * errors, with Save writing the prompt to the lesson when it changed and then the whole
 * assignment (`assignment.save` replaces it) — the prompted lesson form with the
 * assignment's parts, plus whether reviews have locked the rubric's structure.
 */
export function useAssignmentForm(
  assignment: EditableAssignment,
  prompt: string,
  courseId: string,
) {
  const { lessonId } = assignment;
  const [rubricLocked, setRubricLocked] = useState(assignment.rubricLocked);
  const form = usePromptedLessonForm(lessonId, courseId, () => toDraft(assignment, prompt), {
    dirtyKey: `assignment:${lessonId}`,
    saveRest: (next) => trpcClient.assignment.save.mutate(toSaveInput(lessonId, next)),
    applySaved,
    onSaved: (result) => {
      setRubricLocked(result.rubricLocked);
      queryClient.setQueryData(trpc.assignment.edit.queryKey({ lessonId }), result);
    },
    validate: validateAssignment,
    noErrors: NO_ERRORS,
    countErrors,
    firstInvalidId,
    serverErrors: serverAssignmentErrors,
    // A rubric refused as locked: reviews started since the page loaded.
    onRefused: (errors) => {
      if (errors.rubric && /Reviews have started/.test(errors.rubric)) setRubricLocked(true);
    },
  });
  const setSettings = (patch: Partial<SettingsDraft>) =>
    form.setDraft((d: AssignmentDraft) => ({ ...d, settings: { ...d.settings, ...patch } }));
  return {
    ...form,
    courseId,
    setSettings,
    /** Reviews have started: criteria, levels and points are fixed; wording is not. */
    rubricLocked,
  };
}

export type AssignmentForm = ReturnType<typeof useAssignmentForm>;
