import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { apiErrorCode, apiFieldErrors, trpcClient } from "../../../lib/trpc";
import { courseMutationKey, noteUpdatedAt, refreshCourse } from "../api";
import { saveState } from "./SaveStatus";
import { useFocusRequest } from "./use-focus-request";
import { useReportDirty } from "./use-unsaved-changes-guard";

/** What a lesson kind with a prompt and a whole-replace save (exercise, assignment) supplies. */
export interface PromptedLessonKind<Draft extends { prompt: string }, Errors, Saved> {
  /** The unsaved-changes guard's key, e.g. `exercise:<lessonId>`. */
  dirtyKey: string;
  /** Saves everything but the prompt (the kind's own `save`, which replaces it whole). */
  saveRest: (draft: Draft) => Promise<Saved>;
  /** The draft after a save: the server's answer, keeping edits made while it was in flight. */
  applySaved: (current: Draft, sent: Draft, result: Saved) => { draft: Draft; saved: Draft };
  onSaved?: (result: Saved) => void;
  validate: (draft: Draft) => Errors;
  noErrors: Errors;
  countErrors: (errors: Errors) => number;
  firstInvalidId: (lessonId: string, draft: Draft, errors: Errors) => string | null;
  /** The API's field errors placed on the draft's fields. */
  serverErrors: (fieldErrors: Record<string, string>, message: string, sent: Draft) => Errors;
  onRefused?: (errors: Errors) => void;
}

/**
 * A lesson editor's form whose prompt is the lesson's body: the draft, its errors (shown from
 * the first Save on; the API's until the next edit), and Save, which writes the prompt to the
 * lesson when it changed and then the rest through the kind's save. Exercise and assignment
 * editors are this with their own draft, checks and save.
 */
export function usePromptedLessonForm<Draft extends { prompt: string }, Errors, Saved>(
  lessonId: string,
  courseId: string,
  initial: () => Draft,
  kind: PromptedLessonKind<Draft, Errors, Saved>,
) {
  const [draft, setDraftState] = useState(initial);
  const [saved, setSaved] = useState(() => draft);
  const [checked, setChecked] = useState(false);
  const [serverErrors, setServerErrors] = useState<Errors | null>(null);
  const latest = useRef(draft);
  latest.current = draft;
  const sent = useRef(draft);
  const focus = useFocusRequest();
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  useReportDirty(kind.dirtyKey, dirty);

  const save = useMutation({
    // Counted by the editor's "Saving changes…"; the course's updatedAt moves with it.
    mutationKey: courseMutationKey(courseId),
    mutationFn: async (next: Draft) => {
      if (next.prompt !== saved.prompt) {
        const lesson = await trpcClient.authoring.updateLesson.mutate({
          lessonId,
          body: next.prompt,
        });
        noteUpdatedAt(courseId, lesson.updatedAt);
      }
      return kind.saveRest(next);
    },
    onSuccess: (result) => {
      const next = kind.applySaved(latest.current, sent.current, result);
      setDraftState(next.draft);
      setSaved(next.saved);
      setChecked(false);
      kind.onSaved?.(result);
    },
    onError: (error) => {
      // Refused input is shown on its fields; anything else is the save status's to explain.
      if (apiErrorCode(error) !== "BAD_REQUEST") return;
      const errors = kind.serverErrors(apiFieldErrors(error), error.message, sent.current);
      setServerErrors(errors);
      kind.onRefused?.(errors);
      const id = kind.firstInvalidId(lessonId, sent.current, errors);
      if (id) focus(id);
    },
    // The outline's badges and the publish checklist follow the lesson's content.
    onSettled: () => refreshCourse(courseId),
  });

  const setDraft = (update: (draft: Draft) => Draft) => {
    setServerErrors(null);
    setDraftState(update);
  };

  const clientErrors = checked ? kind.validate(draft) : kind.noErrors;
  const errors = serverErrors ?? clientErrors;

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    setChecked(true);
    const found = kind.validate(draft);
    if (kind.countErrors(found) > 0) {
      const id = kind.firstInvalidId(lessonId, draft, found);
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
    errors,
    problemCount: kind.countErrors(errors),
    /** The API refused the last save and its errors are still shown. */
    refused: serverErrors !== null,
    dirty,
    save,
    status: saveState(save, dirty),
    submit,
    focus,
  };
}

/** What a prompted lesson form's footer reads, whatever the form's draft and errors. */
export type PromptedLessonForm = Pick<
  ReturnType<typeof usePromptedLessonForm>,
  "problemCount" | "refused" | "dirty" | "status" | "submit"
> & { save: { isPending: boolean; error: Error | null } };
