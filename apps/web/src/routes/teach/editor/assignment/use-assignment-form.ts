import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { apiErrorCode, apiFieldErrors, queryClient, trpc, trpcClient } from "../../../../lib/trpc";
import { courseMutationKey, noteUpdatedAt, refreshCourse } from "../../api";
import { saveState } from "../SaveStatus";
import { useFocusRequest } from "../use-focus-request";
import { useReportDirty } from "../use-unsaved-changes-guard";
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
  type AssignmentErrors,
  countErrors,
  firstInvalidId,
  noErrors,
  validateAssignment,
} from "./assignment-editor-validate";

const NO_ERRORS = noErrors();

/**
 * The assignment editor's state: the draft (prompt, settings, rubric, examples), its errors
 * (shown from the first Save on; the API's until the next edit), and Save, which writes the
 * prompt to the lesson when it changed and then the whole assignment (`assignment.save`
 * replaces it).
 */
export function useAssignmentForm(
  assignment: EditableAssignment,
  prompt: string,
  courseId: string,
) {
  const { lessonId } = assignment;
  const [draft, setDraftState] = useState(() => toDraft(assignment, prompt));
  const [saved, setSaved] = useState(() => draft);
  const [checked, setChecked] = useState(false);
  const [serverErrors, setServerErrors] = useState<AssignmentErrors | null>(null);
  const [rubricLocked, setRubricLocked] = useState(assignment.rubricLocked);
  const latest = useRef(draft);
  latest.current = draft;
  const sent = useRef(draft);
  const focus = useFocusRequest();
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  useReportDirty(`assignment:${lessonId}`, dirty);

  const save = useMutation({
    // Counted by the editor's "Saving changes…"; the course's updatedAt moves with it.
    mutationKey: courseMutationKey(courseId),
    mutationFn: async (next: AssignmentDraft) => {
      if (next.prompt !== saved.prompt) {
        const lesson = await trpcClient.authoring.updateLesson.mutate({
          lessonId,
          body: next.prompt,
        });
        noteUpdatedAt(courseId, lesson.updatedAt);
      }
      return trpcClient.assignment.save.mutate(toSaveInput(lessonId, next));
    },
    onSuccess: (result) => {
      const next = applySaved(latest.current, sent.current, result);
      setDraftState(next.draft);
      setSaved(next.saved);
      setChecked(false);
      setRubricLocked(result.rubricLocked);
      queryClient.setQueryData(trpc.assignment.edit.queryKey({ lessonId }), result);
    },
    onError: (error) => {
      // Refused input is shown on its fields; anything else is the save status's to explain.
      if (apiErrorCode(error) !== "BAD_REQUEST") return;
      const errors = serverAssignmentErrors(apiFieldErrors(error), error.message, sent.current);
      setServerErrors(errors);
      // A rubric refused as locked: reviews started since the page loaded.
      if (errors.rubric && /Reviews have started/.test(errors.rubric)) setRubricLocked(true);
      const id = firstInvalidId(lessonId, sent.current, errors);
      if (id) focus(id);
    },
    // The outline and the publish checklist (assignment_*) follow the assignment.
    onSettled: () => refreshCourse(courseId),
  });

  const setDraft = (update: (draft: AssignmentDraft) => AssignmentDraft) => {
    setServerErrors(null);
    setDraftState(update);
  };
  const setSettings = (patch: Partial<SettingsDraft>) =>
    setDraft((d) => ({ ...d, settings: { ...d.settings, ...patch } }));

  const clientErrors = checked ? validateAssignment(draft) : NO_ERRORS;
  const errors = serverErrors ?? clientErrors;

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    setChecked(true);
    const found = validateAssignment(draft);
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
    courseId,
    draft,
    setDraft,
    setSettings,
    errors,
    problemCount: countErrors(errors),
    /** The API refused the last save and its errors are still shown. */
    refused: serverErrors !== null,
    /** Reviews have started: criteria, levels and points are fixed; wording is not. */
    rubricLocked,
    dirty,
    save,
    status: saveState(save, dirty),
    submit,
    focus,
  };
}

export type AssignmentForm = ReturnType<typeof useAssignmentForm>;
