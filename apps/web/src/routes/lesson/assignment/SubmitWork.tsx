import { Trans, useLingui } from "@lingui/react/macro";
import { type FormEvent, useId, useState } from "react";
import { Markdown } from "../../../components/Markdown";
import {
  MarkdownFieldHead,
  MarkdownPreview,
  useMarkdownPreview,
} from "../../../components/markdown/preview";
import { Button } from "../../../components/ui/Button";
import { cx } from "../../../components/ui/cx";
import { describedBy, FormError, fieldStyles as f } from "../../../components/ui/Field";
import { Notice } from "../../../components/ui/Notice";
import { apiFieldErrors } from "../../../lib/trpc";
import { AttachmentList } from "./AttachmentList";
import { AttachmentsField } from "./AttachmentsField";
import s from "./assignment.module.css";
import { formatMoment, type LearnerAssignment } from "./assignment-view";
import { bodyError, characterCount, lockedReason } from "./submit-form";
import { useSubmitWork } from "./use-assignment";

type Submission = NonNullable<LearnerAssignment["submission"]>;

/** The learner's own work: the form before submitting, then what they sent (and "Revise"). */
export function SubmitWork({
  assignment,
  courseId,
}: {
  assignment: LearnerAssignment;
  courseId: string;
}) {
  const { t } = useLingui();
  const { submission, open, rubric } = assignment;
  const [revising, setRevising] = useState(false);
  const [justSent, setJustSent] = useState<"submitted" | "revised" | null>(null);
  const heading = (
    <h2 id="assignment-work" className={s.heading}>
      <Trans>Your submission</Trans>
    </h2>
  );
  if (!submission) {
    if (rubric.length === 0) {
      return (
        <section className={s.panel} aria-labelledby="assignment-work">
          {heading}
          <p>
            <Trans>This assignment isn't ready for submissions yet. Check back soon.</Trans>
          </p>
        </section>
      );
    }
    if (!open) {
      const closed = assignment.settings.dueAt ? formatMoment(assignment.settings.dueAt) : null;
      return (
        <section className={s.panel} aria-labelledby="assignment-work">
          {heading}
          <Notice tone="warning" as="p">
            {closed
              ? t`Submissions closed on ${closed}. You can still read the prompt and the rubric.`
              : t`Submissions are closed. You can still read the prompt and the rubric.`}
          </Notice>
        </section>
      );
    }
    return (
      <section className={s.panel} aria-labelledby="assignment-work">
        {heading}
        <WorkForm
          lessonId={assignment.lessonId}
          courseId={courseId}
          initial=""
          attachments={assignment.settings.allowAttachments}
          onDone={() => setJustSent("submitted")}
        />
      </section>
    );
  }
  const reason = lockedReason(submission, open, assignment.settings.dueAt, (iso) =>
    formatMoment(iso),
  );
  return (
    <section className={s.panel} aria-labelledby="assignment-work">
      {heading}
      <div role="status" className={s.status}>
        {justSent === "submitted" &&
          t`Submitted. Next, review your classmates' work while yours waits for reviewers.`}
        {justSent === "revised" && t`Your revision is saved; reviewers will read this version.`}
      </div>
      {revising && reason === null ? (
        <WorkForm
          lessonId={assignment.lessonId}
          courseId={courseId}
          initial={submission.body}
          attachments={assignment.settings.allowAttachments}
          onDone={() => {
            setRevising(false);
            setJustSent("revised");
          }}
          onCancel={() => setRevising(false)}
        />
      ) : (
        <SubmittedWork
          submission={submission}
          attachments={assignment.settings.allowAttachments}
          reason={reason}
          onRevise={() => {
            setJustSent(null);
            setRevising(true);
          }}
        />
      )}
    </section>
  );
}

function SubmittedWork({
  submission,
  attachments,
  reason,
  onRevise,
}: {
  submission: Submission;
  attachments: boolean;
  reason: string | null;
  onRevise: () => void;
}) {
  const { t } = useLingui();
  const submitted = formatMoment(submission.submittedAt);
  const revised = submission.revisedAt ? formatMoment(submission.revisedAt) : null;
  const closes = formatMoment(submission.reviewDeadline);
  return (
    <>
      <p className={s.muted}>
        {revised
          ? t`Submitted ${submitted} · revised ${revised} · reviews close ${closes}`
          : t`Submitted ${submitted} · reviews close ${closes}`}
      </p>
      <div className={s.work}>
        {submission.body.trim() ? (
          <Markdown source={submission.body} headingBase={3} />
        ) : (
          <p className={s.muted}>
            <Trans>No text: your submission is its attached files.</Trans>
          </p>
        )}
      </div>
      {attachments && <AttachmentList submissionId={submission.id} />}
      {reason === null ? (
        <div className={s.actions}>
          <Button onClick={onRevise}>
            <Trans>Revise</Trans>
          </Button>
          <p className={s.muted}>
            <Trans>You can revise until a reviewer starts reviewing it.</Trans>
          </p>
        </div>
      ) : (
        <p className={s.lockedNote}>{reason}</p>
      )}
    </>
  );
}

function WorkForm({
  lessonId,
  courseId,
  initial,
  attachments,
  onDone,
  onCancel,
}: {
  lessonId: string;
  courseId: string;
  initial: string;
  /** The assignment takes files: they upload as they are chosen, apart from the text. */
  attachments: boolean;
  onDone: () => void;
  onCancel?: () => void;
}) {
  const { t } = useLingui();
  const submit = useSubmitWork(lessonId, courseId);
  const [body, setBody] = useState(initial);
  const preview = useMarkdownPreview();
  const [localError, setLocalError] = useState<string | null>(null);
  const id = useId();
  const fieldId = `${id}-body`;
  const fieldErrors = submit.isError ? apiFieldErrors(submit.error) : {};
  const error = localError ?? fieldErrors.body;
  const formError = submit.isError && !fieldErrors.body ? submit.error.message : null;
  const hint = t`Markdown: # heading, **bold**, *italic*, [link](https://…), - lists, \`code\`.`;
  const send = (event: FormEvent) => {
    event.preventDefault();
    const problem = bodyError(body);
    setLocalError(problem);
    if (problem) {
      document.getElementById(fieldId)?.focus();
      return;
    }
    submit.mutate(body, {
      onSuccess: onDone,
      onError: (e) => {
        if (apiFieldErrors(e).body) document.getElementById(fieldId)?.focus();
      },
    });
  };
  return (
    <form onSubmit={send} className={s.form} noValidate>
      <div className={f.field}>
        <MarkdownFieldHead
          id={fieldId}
          label={t`Your work`}
          hint={hint}
          preview={preview}
          rowClassName={s.labelRow}
        />
        <div className={preview.shown ? s.split : undefined}>
          <textarea
            id={fieldId}
            rows={14}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={cx(describedBy(fieldId, hint, error), `${fieldId}-count`)}
          />
          <MarkdownPreview
            preview={preview}
            source={body}
            label={t`Preview`}
            className={s.preview}
            emptyClassName={s.muted}
          />
        </div>
        <p id={`${fieldId}-count`} className={cx(f.hint, f.counter)}>
          {characterCount(body)}
        </p>
        {error && (
          <p id={`${fieldId}-error`} className={f.error}>
            {error}
          </p>
        )}
      </div>
      {attachments && <AttachmentsField lessonId={lessonId} locked={false} />}
      {formError && <FormError>{formError}</FormError>}
      <div className={s.actions}>
        <Button type="submit" variant="primary" disabled={submit.isPending}>
          <Trans>Submit</Trans>
        </Button>
        {onCancel && (
          <Button variant="ghost" onClick={onCancel} disabled={submit.isPending}>
            <Trans>Cancel</Trans>
          </Button>
        )}
        {submit.isPending && (
          <span role="status" className={s.muted}>
            <Trans>Sending…</Trans>
          </span>
        )}
      </div>
    </form>
  );
}
