import { Trans, useLingui } from "@lingui/react/macro";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { RubricLevelPicker } from "../../../components/rubric/RubricLevelPicker";
import { pickerFocusId } from "../../../components/rubric/rubric-picker";
import { buttonClass } from "../../../components/ui/Button";
import { FieldShell, fieldStyles as f } from "../../../components/ui/Field";
import { Notice } from "../../../components/ui/Notice";
import { apiErrorCode, apiFieldErrors, trpcClient } from "../../../lib/trpc";
import s from "./backlog.module.css";
import {
  chosenPoints,
  initialStaffScores,
  isOverride,
  percentText,
  type StaffScoreDraft,
  type StaffSubmission,
  serverGradeErrors,
  staffGradeErrors,
} from "./backlog-view";
import { refreshBacklog } from "./FlaggedReviews";

const PICKER = "staff-grade";

/**
 * Staff grade a submission by the rubric, with a note to the learner. On a graded submission
 * this is an override, and the form says so before it is sent.
 */
export function StaffGradeForm({
  submission,
  lessonId,
}: {
  submission: StaffSubmission;
  lessonId: string;
}) {
  const { t } = useLingui();
  const [scores, setScores] = useState<Record<string, StaffScoreDraft>>(() =>
    initialStaffScores(submission),
  );
  const [note, setNote] = useState("");
  const [checked, setChecked] = useState(false);
  const [server, setServer] = useState<ReturnType<typeof serverGradeErrors> | null>(null);
  const [done, setDone] = useState("");
  const override = isOverride(submission.status);
  const peerGraded =
    submission.grade?.gradedBy === "peers" || submission.grade?.gradedBy === "peers_partial";
  const focusFirst = (errors: Record<string, string>) => {
    const criterion = submission.rubric.find((c) => errors[c.id]);
    if (!criterion) return;
    const id = pickerFocusId(PICKER, criterion, scores[criterion.id]?.levelId);
    requestAnimationFrame(() => document.getElementById(id)?.focus());
  };
  const grade = useMutation({
    mutationFn: () =>
      trpcClient.assignment.staffGrade.mutate({
        submissionId: submission.id,
        note,
        scores: submission.rubric.flatMap((c) => {
          const score = scores[c.id];
          return score?.levelId ? [{ criterionId: c.id, ...score }] : [];
        }),
      }),
    onSuccess: async (result) => {
      const percent = percentText(result.percent);
      setDone(
        result.gradedBy === "override" ? t`Grade overridden: ${percent}.` : t`Graded: ${percent}.`,
      );
      await refreshBacklog(lessonId);
    },
    onError: (error) => {
      if (apiErrorCode(error) !== "BAD_REQUEST") return;
      const errors = serverGradeErrors(apiFieldErrors(error), error.message);
      setServer(errors);
      focusFirst(errors.scores);
    },
  });
  const clientErrors = checked ? staffGradeErrors(submission.rubric, scores) : {};
  const errors = server?.scores ?? clientErrors;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    setServer(null);
    const found = staffGradeErrors(submission.rubric, scores);
    if (Object.keys(found).length > 0) return focusFirst(found);
    grade.mutate();
  };
  const { points, max } = chosenPoints(submission.rubric, scores);
  const noteId = "staff-grade-note";
  const warningId = "staff-grade-warning";
  return (
    <form
      className={s.gradeForm}
      onSubmit={submit}
      noValidate
      aria-labelledby="staff-grade-heading"
    >
      <h3 id="staff-grade-heading">
        {override ? <Trans>Override the grade</Trans> : <Trans>Grade this submission</Trans>}
      </h3>
      {override && (
        <Notice tone="warning" as="p" id={warningId}>
          {peerGraded ? (
            <Trans>This replaces the peer grade; the learner will see your note.</Trans>
          ) : (
            <Trans>This replaces the current grade; the learner will see your note.</Trans>
          )}
        </Notice>
      )}
      {submission.rubric.map((criterion) => (
        <RubricLevelPicker
          key={criterion.id}
          idPrefix={PICKER}
          criterion={criterion}
          value={scores[criterion.id]}
          error={errors[criterion.id]}
          onChange={(value) => {
            setServer(null);
            setScores((current) => ({ ...current, [criterion.id]: value }));
          }}
        />
      ))}
      <FieldShell
        id={noteId}
        label={t`Note to the learner`}
        hint={override ? t`Say why the grade changed.` : t`Optional.`}
        error={server?.note}
      >
        <textarea
          id={noteId}
          rows={3}
          maxLength={5000}
          value={note}
          aria-invalid={server?.note ? true : undefined}
          aria-describedby={`${noteId}-hint${server?.note ? ` ${noteId}-error` : ""}`}
          onChange={(e) => setNote(e.target.value)}
        />
      </FieldShell>
      {server?.form && (
        <p className={f.formError} role="alert">
          {server.form}
        </p>
      )}
      {grade.isError && apiErrorCode(grade.error) !== "BAD_REQUEST" && (
        <p className={f.formError} role="alert">
          {grade.error.message}
        </p>
      )}
      <div className={f.actions}>
        <button
          type="submit"
          className={buttonClass({ variant: override ? "danger" : "primary" })}
          aria-describedby={override ? warningId : undefined}
          disabled={grade.isPending}
        >
          {grade.isPending ? (
            <Trans>Saving…</Trans>
          ) : override ? (
            <Trans>Override grade</Trans>
          ) : (
            <Trans>Grade submission</Trans>
          )}
        </button>
        <span className={s.total}>
          <Trans>
            {points} of {max} points
          </Trans>
        </span>
        <p role="status" className={s.done}>
          {done}
        </p>
      </div>
    </form>
  );
}
