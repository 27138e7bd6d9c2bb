import { plural } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
import { buttonClass } from "../../../components/ui/Button";
import { FormError } from "../../../components/ui/Field";
import { Notice } from "../../../components/ui/Notice";
import lesson from "../lesson.module.css";
import b from "./SubmitBar.module.css";

/**
 * The quiz's submit row: the button, the "some questions are blank" check, and what went
 * wrong. A lost connection keeps the attempt: submitting again is the same attempt.
 */
export function SubmitBar({
  preview,
  published,
  pending,
  failure,
  unanswered,
  onSubmitAnyway,
  onKeepAnswering,
}: {
  preview: boolean;
  published: boolean;
  pending: boolean;
  failure: { retryable: boolean; message: string } | null;
  /** 1-based numbers of blank questions, when the learner is asked to confirm. */
  unanswered: number[] | null;
  onSubmitAnyway: () => void;
  onKeepAnswering: () => void;
}) {
  const { t } = useLingui();
  if (preview) {
    return (
      <p className={lesson.notice} role="note">
        {published ? (
          <Trans>Enroll in the course to submit your answers and get a score.</Trans>
        ) : (
          <Trans>Preview: quizzes are graded for enrolled learners only.</Trans>
        )}
      </p>
    );
  }
  const blank = unanswered?.length ?? 0;
  // The blank questions' numbers; the sentence agrees with how many there are.
  const numbers = unanswered?.join(", ") ?? "";
  return (
    <div className={b.submit}>
      {unanswered && unanswered.length > 0 ? (
        <Notice tone="warning" className={b.confirm} role="alert">
          <p>
            {t`${plural(blank, { one: `Question ${numbers} has no answer.`, other: `Questions ${numbers} have no answer.` })} Blank questions score 0.`}
          </p>
          <div className={b.actions}>
            <button
              type="button"
              className={buttonClass({ variant: "primary" })}
              onClick={onSubmitAnyway}
            >
              <Trans>Submit anyway</Trans>
            </button>
            <button
              type="button"
              className={buttonClass({ variant: "ghost" })}
              onClick={onKeepAnswering}
            >
              <Trans>Keep answering</Trans>
            </button>
          </div>
        </Notice>
      ) : (
        <button
          type="submit"
          className={buttonClass({ variant: "primary" })}
          aria-disabled={pending}
        >
          {pending ? (
            <Trans>Submitting…</Trans>
          ) : failure?.retryable ? (
            <Trans>Submit again</Trans>
          ) : (
            <Trans>Submit answers</Trans>
          )}
        </button>
      )}
      {pending && (
        <p className="visually-hidden" role="status">
          <Trans>Submitting your answers…</Trans>
        </p>
      )}
      {failure && !pending && (
        <FormError>
          {failure.retryable
            ? t`Your answers could not be sent (the connection failed or took too long). Submit again: it still counts as the same attempt.`
            : failure.message || t`The quiz could not be submitted.`}
        </FormError>
      )}
    </div>
  );
}
