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
      <p className="lesson-notice quiz-preview-note" role="note">
        {published
          ? "Enroll in the course to submit your answers and get a score."
          : "Preview: quizzes are graded for enrolled learners only."}
      </p>
    );
  }
  return (
    <div className="quiz-submit">
      {unanswered && unanswered.length > 0 ? (
        <div className="quiz-confirm" role="alert">
          <p>
            {unanswered.length === 1
              ? `Question ${unanswered[0]} has no answer.`
              : `Questions ${unanswered.join(", ")} have no answer.`}{" "}
            Blank questions score 0.
          </p>
          <div className="quiz-confirm-actions">
            <button type="button" className="button button-primary" onClick={onSubmitAnyway}>
              Submit anyway
            </button>
            <button type="button" className="button button-ghost" onClick={onKeepAnswering}>
              Keep answering
            </button>
          </div>
        </div>
      ) : (
        <button type="submit" className="button button-primary" aria-disabled={pending}>
          {pending ? "Submitting…" : failure?.retryable ? "Submit again" : "Submit answers"}
        </button>
      )}
      {pending && (
        <p className="visually-hidden" role="status">
          Submitting your answers…
        </p>
      )}
      {failure && !pending && (
        <p className="form-error" role="alert">
          {failure.retryable
            ? "Your answers could not be sent (the connection failed or took too long). Submit again: it still counts as the same attempt."
            : failure.message || "The quiz could not be submitted."}
        </p>
      )}
    </div>
  );
}
