import { Trans, useLingui } from "@lingui/react/macro";
import { type FormEvent, useId, useRef, useState } from "react";
import { buttonClass } from "../../../components/ui/Button";
import { Dialog } from "../../../components/ui/Dialog";
import { FormError, fieldStyles as f } from "../../../components/ui/Field";
import { apiFieldErrors } from "../../../lib/trpc";
import s from "./assignment.module.css";
import { useFlagReview } from "./use-assignment";

/** "Flag as unfair": the learner says why; the review goes to the course's staff. */
export function FlagDialog({
  reviewId,
  reviewer,
  lessonId,
  courseId,
  onClose,
}: {
  reviewId: string;
  reviewer: string;
  lessonId: string;
  courseId: string;
  /** `flagged`: the flag was recorded (the dialog closed on success). */
  onClose: (flagged: boolean) => void;
}) {
  const { t } = useLingui();
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const flag = useFlagReview(lessonId, courseId);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const flagged = useRef(false);
  const fieldId = `${id}-reason`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setError(t`Say what is unfair about this review.`);
      document.getElementById(fieldId)?.focus();
      return;
    }
    setError(null);
    flag.mutate(
      { reviewId, reason },
      {
        onSuccess: () => {
          flagged.current = true;
          dialog.current?.close();
        },
        onError: (e) => setError(apiFieldErrors(e).reason ?? null),
      },
    );
  };
  const formError = flag.isError && !apiFieldErrors(flag.error).reason ? flag.error.message : null;
  return (
    <Dialog
      dialogRef={dialog}
      labelledBy={`${id}-title`}
      describedBy={`${id}-text`}
      onClose={() => onClose(flagged.current)}
    >
      <form onSubmit={submit} noValidate>
        <h2 id={`${id}-title`}>
          <Trans>Flag {reviewer}'s review as unfair?</Trans>
        </h2>
        <p id={`${id}-text`}>
          <Trans>
            An instructor will look at it and may grade your submission themselves. The reviewer is
            not told.
          </Trans>
        </p>
        <div className={f.field}>
          <label htmlFor={fieldId}>
            <Trans>What is unfair about this review?</Trans>
          </label>
          <textarea
            id={fieldId}
            rows={4}
            maxLength={2_000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${fieldId}-error` : undefined}
          />
          {error && (
            <p id={`${fieldId}-error`} className={f.error}>
              {error}
            </p>
          )}
        </div>
        {formError && <FormError>{formError}</FormError>}
        <div className={s.actions}>
          <button
            type="submit"
            className={buttonClass({ variant: "primary" })}
            disabled={flag.isPending}
          >
            <Trans>Send flag</Trans>
          </button>
          <button
            type="button"
            className={buttonClass({ variant: "ghost" })}
            onClick={() => dialog.current?.close()}
          >
            <Trans>Cancel</Trans>
          </button>
        </div>
      </form>
    </Dialog>
  );
}
