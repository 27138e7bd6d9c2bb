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

  return (
    <>
      {hasSamples ? (
        <Samples samples={exercise.samples} />
      ) : (
        <p className={lesson.notice} role="note">
          This exercise shows no sample tests: submit to have your code graded.
        </p>
      )}
      <section className={s.workspace} aria-labelledby={`${editorId}-heading`}>
        <h2 id={`${editorId}-heading`} className={s.heading}>
          Your solution
        </h2>
        {/* Ctrl/Cmd+Enter anywhere in the editor runs the samples. Caught on the way down, so
            the editor never sees it (its own Mod-Enter would insert a blank line). */}
        <div onKeyDownCapture={onKeyDown}>
          <CodeEditor
            id={editorId}
            label={`Code (${exercise.language.label})`}
            language={exercise.language.name}
            value={draft.code}
            onChange={draft.change}
            minLines={14}
            describedBy={`${editorId}-hint`}
          />
        </div>
        <div className={s.editorMeta}>
          <p id={`${editorId}-hint`} className={s.hint}>
            {hasSamples
              ? "Ctrl+Enter (⌘+Enter on a Mac) runs the samples. Your code is saved as you type."
              : "Your code is saved as you type."}
          </p>
          <p className={s.draftStatus}>
            {draft.status === "failed" ? (
              <>
                Couldn't save —{" "}
                <button type="button" className={linkButtonClass} onClick={draft.retry}>
                  retry
                </button>
              </>
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
            {run.isPending && run.variables?.purpose === "samples" ? "Sending…" : "Run samples"}
          </Button>
          {!preview && (
            <Button
              variant="primary"
              onClick={() => send("submit")}
              disabled={noAttempts}
              aria-disabled={busy || undefined}
              aria-describedby={noAttempts ? `${editorId}-no-attempts` : undefined}
            >
              {run.isPending && run.variables?.purpose === "submit" ? "Sending…" : "Submit"}
            </Button>
          )}
          <Button variant="ghost" className={s.reset} onClick={() => setResetting(true)}>
            Reset to starter code
          </Button>
        </div>
        {preview && (
          <p className={s.hint} role="note">
            {course.status === "published" && course.enrollment === null && !course.viewerCanEdit
              ? "Enroll in the course to submit your code and get a score."
              : "Previews can run the samples only: submitting is for enrolled learners."}
          </p>
        )}
        {!preview && noAttempts && (
          <p id={`${editorId}-no-attempts`} className={s.hint} role="note">
            You have used all your attempts. You can still run the samples.
          </p>
        )}
        {run.isError && !run.isPending && (
          <FormError>
            {run.retryable
              ? "Your code could not be sent (the connection failed or took too long). Send it again: it still counts as the same run."
              : run.error.message || "Your code could not be sent."}
          </FormError>
        )}
      </section>
      <Announcer submission={shown} sentHere={sentHere} />
      {followed.isError && followed.data === undefined && (
        <FormError>We could not check on your run. Trying again…</FormError>
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
  let text = "";
  if (submission && sentHere.has(submission.submissionId)) {
    if (submission.status !== "graded") text = progressText(submission);
    else if (submission.verdict) {
      const score =
        submission.scorePercent === null ? "" : `, ${Math.round(submission.scorePercent)} %`;
      const passed =
        submission.purpose === "submit" && submission.passed !== null
          ? submission.passed
            ? ", passed"
            : ", not passed"
          : "";
      text = `${verdictLabel(submission.verdict)}${score}${passed}`;
    }
  }
  return (
    <p className="visually-hidden" role="status" aria-live="polite">
      {text}
    </p>
  );
}
