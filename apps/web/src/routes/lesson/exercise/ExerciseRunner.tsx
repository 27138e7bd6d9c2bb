import { Trans, useLingui } from "@lingui/react/macro";
import { type KeyboardEvent, useState } from "react";
import { CodeEditor } from "../../../components/code-editor/CodeEditor";
import { Button, linkButtonClass } from "../../../components/ui/Button";
import { FormError } from "../../../components/ui/Field";
import type { CourseDetail } from "../../../lib/trpc";
import lesson from "../lesson.module.css";
import { draftStatusText } from "./draft-saver";
import s from "./exercise.module.css";
import {
  type LearnerExercise,
  progressText,
  type SubmissionView,
  verdictLabel,
} from "./exercise-view";
import { ResetDialog } from "./ResetDialog";
import { Samples } from "./Samples";
import { SubmissionHistory } from "./SubmissionHistory";
import { SubmissionResult } from "./SubmissionResult";
import type { RunPurpose } from "./submission-ids";
import { useDraft, useExerciseRun, useFollowedSubmission } from "./use-exercise";

/**
 * Writing and running: the editor (its draft saved as the learner types), "Run samples" and
 * "Submit", the run being followed live to its verdict, and the earlier runs to look back at.
 */
export function ExerciseRunner({
  exercise,
  course,
}: {
  exercise: LearnerExercise;
  course: CourseDetail;
}) {
  const { t } = useLingui();
  const { lessonId } = exercise;
  const draft = useDraft(lessonId, exercise.draft ?? exercise.starterCode, true);
  const [selectedId, setSelectedId] = useState<string | null>(
    exercise.submissions[0]?.submissionId ?? null,
  );
  const [sentHere, setSentHere] = useState<ReadonlySet<string>>(() => new Set());
  const [resetting, setResetting] = useState(false);
  const run = useExerciseRun(lessonId, (submission) => {
    setSentHere((was) => new Set(was).add(submission.submissionId));
    setSelectedId(submission.submissionId);
  });
  const followed = useFollowedSubmission({
    lessonId,
    courseId: course.id,
    submissionId: selectedId,
    known: exercise.submissions.find((s) => s.submissionId === selectedId),
    sentHere,
  });
  const shown = followed.data;
  const preview = exercise.enrollmentId === null;
  const hasSamples = exercise.samples.length > 0;
  const noAttempts = exercise.attemptsLeft === 0;
  const busy =
    run.isPending ||
    (shown !== undefined && shown.status !== "graded" && sentHere.has(shown.submissionId));
  const editorId = `exercise-code-${lessonId}`;

  const send = (purpose: RunPurpose) => {
    if (busy) return;
    run.mutate({ purpose, code: draft.code });
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && hasSamples) {
      event.preventDefault();
      send("samples");
    }
  };
  const draftText = draftStatusText(draft.status);
  const languageLabel = exercise.language.label;

  return (
    <>
      {hasSamples ? (
        <Samples samples={exercise.samples} />
      ) : (
        <p className={lesson.notice} role="note">
          <Trans>This exercise shows no sample tests: submit to have your code graded.</Trans>
        </p>
      )}
      <section className={s.workspace} aria-labelledby={`${editorId}-heading`}>
        <h2 id={`${editorId}-heading`} className={s.heading}>
          <Trans>Your solution</Trans>
        </h2>
        {/* Ctrl/Cmd+Enter anywhere in the editor runs the samples. Caught on the way down, so
            the editor never sees it (its own Mod-Enter would insert a blank line). */}
        <div onKeyDownCapture={onKeyDown}>
          <CodeEditor
            id={editorId}
            label={t`Code (${languageLabel})`}
            language={exercise.language.name}
            value={draft.code}
            onChange={draft.change}
            minLines={14}
            describedBy={`${editorId}-hint`}
          />
        </div>
        <div className={s.editorMeta}>
          <p id={`${editorId}-hint`} className={s.hint}>
            {hasSamples ? (
              <Trans>
                Ctrl+Enter (⌘+Enter on a Mac) runs the samples. Your code is saved as you type.
              </Trans>
            ) : (
              <Trans>Your code is saved as you type.</Trans>
            )}
          </p>
          <p className={s.draftStatus}>
            {draft.status === "failed" ? (
              <Trans>
                Couldn't save —{" "}
                <button type="button" className={linkButtonClass} onClick={draft.retry}>
                  retry
                </button>
              </Trans>
            ) : (
              draftText
            )}
          </p>
        </div>
        <div className={s.actions}>
          <Button
            variant={preview ? "primary" : "secondary"}
            onClick={() => send("samples")}
            disabled={!hasSamples}
            aria-disabled={busy || undefined}
          >
            {run.isPending && run.variables?.purpose === "samples" ? (
              <Trans>Sending…</Trans>
            ) : (
              <Trans>Run samples</Trans>
            )}
          </Button>
          {!preview && (
            <Button
              variant="primary"
              onClick={() => send("submit")}
              disabled={noAttempts}
              aria-disabled={busy || undefined}
              aria-describedby={noAttempts ? `${editorId}-no-attempts` : undefined}
            >
              {run.isPending && run.variables?.purpose === "submit" ? (
                <Trans>Sending…</Trans>
              ) : (
                <Trans>Submit</Trans>
              )}
            </Button>
          )}
          <Button variant="ghost" className={s.reset} onClick={() => setResetting(true)}>
            <Trans>Reset to starter code</Trans>
          </Button>
        </div>
        {preview && (
          <p className={s.hint} role="note">
            {course.status === "published" &&
            course.enrollment === null &&
            !course.viewerCanEdit ? (
              <Trans>Enroll in the course to submit your code and get a score.</Trans>
            ) : (
              <Trans>Previews can run the samples only: submitting is for enrolled learners.</Trans>
            )}
          </p>
        )}
        {!preview && noAttempts && (
          <p id={`${editorId}-no-attempts`} className={s.hint} role="note">
            <Trans>You have used all your attempts. You can still run the samples.</Trans>
          </p>
        )}
        {run.isError && !run.isPending && (
          <FormError>
            {run.retryable
              ? t`Your code could not be sent (the connection failed or took too long). Send it again: it still counts as the same run.`
              : run.error.message || t`Your code could not be sent.`}
          </FormError>
        )}
      </section>
      <Announcer submission={shown} sentHere={sentHere} />
      {followed.isError && followed.data === undefined && (
        <FormError>
          <Trans>We could not check on your run. Trying again…</Trans>
        </FormError>
      )}
      {shown && <SubmissionResult submission={shown} passingPercent={exercise.passingPercent} />}
      <SubmissionHistory
        submissions={exercise.submissions}
        selectedId={selectedId}
        onSelect={setSelectedId}
      />
      {resetting && (
        <ResetDialog
          onReset={() => draft.change(exercise.starterCode)}
          onClose={() => {
            setResetting(false);
            requestAnimationFrame(() => document.getElementById(editorId)?.focus());
          }}
        />
      )}
    </>
  );
}

/**
 * What a screen reader hears about the run sent from this page: queued, running, then its
 * verdict and score (a polite live region, present before anything is said in it).
 */
function Announcer({
  submission,
  sentHere,
}: {
  submission: SubmissionView | undefined;
  sentHere: ReadonlySet<string>;
}) {
  const { t } = useLingui();
  let text = "";
  if (submission && sentHere.has(submission.submissionId)) {
    if (submission.status !== "graded") text = progressText(submission);
    else if (submission.verdict) {
      const verdict = verdictLabel(submission.verdict);
      const percent = submission.scorePercent === null ? null : Math.round(submission.scorePercent);
      const passed =
        submission.purpose === "submit" && submission.passed !== null ? submission.passed : null;
      // Whole sentences per case, so each language orders the parts its own way.
      if (percent === null) {
        text =
          passed === null ? verdict : passed ? t`${verdict}, passed` : t`${verdict}, not passed`;
      } else if (passed === null) {
        text = t`${verdict}, ${percent} %`;
      } else {
        text = passed
          ? t`${verdict}, ${percent} %, passed`
          : t`${verdict}, ${percent} %, not passed`;
      }
    }
  }
  return (
    <p className="visually-hidden" role="status" aria-live="polite">
      {text}
    </p>
  );
}
