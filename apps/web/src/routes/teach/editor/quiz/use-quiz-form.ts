import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { apiErrorCode, apiFieldErrors, queryClient, trpc, trpcClient } from "../../../../lib/trpc";
import { courseMutationKey, refreshCourse } from "../../api";
import { saveState } from "../SaveStatus";
import { useFocusRequest } from "../use-focus-request";
import { useReportDirty } from "../use-unsaved-changes-guard";
import {
  type EditableQuiz,
  type QuestionDraft,
  type QuizDraft,
  type SaveQuizInput,
  toDraft,
  toSaveInput,
} from "./quiz-editor";
import { applySaved } from "./quiz-editor-edits";
import {
  countErrors,
  firstInvalidId,
  type QuizErrors,
  serverQuizErrors,
  validateQuiz,
} from "./quiz-editor-validate";

const NO_ERRORS: QuizErrors = { questions: {} };

/**
 * The quiz builder's state: the draft, its errors (shown from the first Save on; the API's
 * until the next edit), and Save. The whole quiz is sent at once (`quiz.save` replaces it).
 */
export function useQuizForm(quiz: EditableQuiz, courseId: string) {
  const { lessonId } = quiz;
  const [draft, setDraftState] = useState(() => toDraft(quiz));
  const [saved, setSaved] = useState(() => JSON.stringify(draft));
  const [attemptCount, setAttemptCount] = useState(quiz.attemptCount);
  const [checked, setChecked] = useState(false);
  const [serverErrors, setServerErrors] = useState<QuizErrors | null>(null);
  const latest = useRef(draft);
  latest.current = draft;
  const sent = useRef(draft);
  const focus = useFocusRequest();
  const dirty = JSON.stringify(draft) !== saved;
  useReportDirty(`quiz:${lessonId}`, dirty);

  const save = useMutation({
    // Counted by the editor's "Saving changes…"; the course's updatedAt moves with it.
    mutationKey: courseMutationKey(courseId),
    mutationFn: (input: SaveQuizInput) => trpcClient.quiz.save.mutate(input),
    onSuccess: (result) => {
      const next = applySaved(latest.current, sent.current, result);
      setDraftState(next.draft);
      setSaved(JSON.stringify(next.saved));
      setAttemptCount(result.attemptCount);
      setChecked(false);
      queryClient.setQueryData(trpc.quiz.edit.queryKey({ lessonId }), result);
    },
    onError: (error) => {
      // Refused input is shown on its fields; anything else is the save status's to explain.
      if (apiErrorCode(error) !== "BAD_REQUEST") return;
      const errors = serverQuizErrors(apiFieldErrors(error), error.message, sent.current);
      setServerErrors(errors);
      const id = firstInvalidId(lessonId, sent.current, errors);
      if (id) focus(id);
    },
    // The outline's question count and the publish checklist (quiz_empty) follow the quiz.
    onSettled: () => refreshCourse(courseId),
  });

  const setDraft = (update: (draft: QuizDraft) => QuizDraft) => {
    setServerErrors(null);
    setDraftState(update);
  };
  const updateQuestion = (key: string, update: (q: QuestionDraft) => QuestionDraft) =>
    setDraft((d) => ({
      ...d,
      questions: d.questions.map((q) => (q.key === key ? update(q) : q)),
    }));

  const clientErrors = checked ? validateQuiz(draft) : NO_ERRORS;
  const errors = serverErrors ?? clientErrors;

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    setChecked(true);
    const found = validateQuiz(draft);
    if (countErrors(found) > 0) {
      const id = firstInvalidId(lessonId, draft, found);
      if (id) focus(id);
      return;
    }
    sent.current = draft;
    save.mutate(toSaveInput(lessonId, draft));
  };

  return {
    lessonId,
    draft,
    setDraft,
    updateQuestion,
    errors,
    problemCount: countErrors(errors),
    /** The API refused the last save and its errors are still shown. */
    refused: serverErrors !== null,
    attemptCount,
    dirty,
    save,
    status: saveState(save, dirty),
    submit,
    focus,
  };
}

export type QuizForm = ReturnType<typeof useQuizForm>;
