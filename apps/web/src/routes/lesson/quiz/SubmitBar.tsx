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
  if (preview) {
    return (
      <p className={lesson.notice} role="note">
        {published
          ? "Enroll in the course to submit your answers and get a score."
          : "Preview: quizzes are graded for enrolled learners only."}
      </p>
    );
  }
  return (
    <div className={b.submit}>
      {unanswered && unanswered.length > 0 ? (
        <Notice tone="warning" className={b.confirm} role="alert">
          <p>
            {unanswered.length === 1
              ? `Question ${unanswered[0]} has no answer.`
              : `Questions ${unanswered.join(", ")} have no answer.`}{" "}
            Blank questions score 0.
          </p>
          <div className={b.actions}>
            <button
              type="button"
              className={buttonClass({ variant: "primary" })}
              onClick={onSubmitAnyway}
            >
              Submit anyway
            </button>
            <button
              type="button"
              className={buttonClass({ variant: "ghost" })}
              onClick={onKeepAnswering}
            >
              Keep answering
            </button>
          </div>
        </Notice>
      ) : (
        <button
          type="submit"
          className={buttonClass({ variant: "primary" })}
          aria-disabled={pending}
        >
          {pending ? "Submitting…" : failure?.retryable ? "Submit again" : "Submit answers"}
        </button>
      )}
      {pending && (
        <p className="visually-hidden" role="status">
          Submitting your answers…
        </p>
      )}
      {failure && !pending && (
        <FormError>
          {failure.retryable
            ? "Your answers could not be sent (the connection failed or took too long). Submit again: it still counts as the same attempt."
            : failure.message || "The quiz could not be submitted."}
        </FormError>
      )}
    </div>
  );
}
