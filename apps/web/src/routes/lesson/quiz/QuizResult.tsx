import { useEffect, useRef } from "react";
import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { cx } from "../../../components/ui/cx";
import { formatDate, plural } from "../../../lib/format";
import { formatPercent } from "../../../lib/learn-outline";
import type { LearnerQuiz, QuizAttempt } from "../../learn/api";
import r from "./QuizResult.module.css";

/**
 * An attempt's grade: score, pass or not against the pass mark, the best score that counts,
 * and what is left to try. Focus lands on its heading when it appears after a submit, so a
 * screen reader reads the score first.
 */
export function QuizResult({
  quiz,
  attempt,
  focusOnMount,
  replayed,
  onTryAgain,
}: {
  quiz: LearnerQuiz;
  attempt: QuizAttempt;
  focusOnMount: boolean;
  replayed: boolean;
  onTryAgain: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) heading.current?.focus();
  }, [focusOnMount]);
  const left = quiz.attemptsLeft;
  const canRetry = left === null || left > 0;
  const passMark = formatPercent(quiz.settings.passingPercent);
  return (
    <section
      className={cx(r.result, attempt.passed && r.passed)}
      aria-labelledby="quiz-result-heading"
    >
      <h2 id="quiz-result-heading" tabIndex={-1} ref={heading}>
        Your score: {formatPercent(attempt.scorePercent)}
        <span className="visually-hidden">, {attempt.passed ? "passed" : "not passed"}</span>
      </h2>
      <p className={r.verdict}>
        <Badge tone={attempt.passed ? "success" : "warning"} size="md">
          {attempt.passed ? "Passed" : "Not passed"}
        </Badge>
        {attempt.scorePoints} of {plural(attempt.maxPoints, "point")} · the pass mark is {passMark}
      </p>
      <dl className={r.facts}>
        <div>
          <dt>Attempt</dt>
          <dd>
            {attempt.attemptNumber}
            {quiz.settings.maxAttempts !== null && ` of ${quiz.settings.maxAttempts}`} ·{" "}
            {formatDate(attempt.submittedAt)}
          </dd>
        </div>
        {quiz.bestPercent !== null && (
          <div>
            <dt>Best score</dt>
            <dd>
              {formatPercent(quiz.bestPercent)}
              {quiz.passed ? " (passed)" : ""}
            </dd>
          </div>
        )}
        <div>
          <dt>Attempts left</dt>
          <dd>{left === null ? "Unlimited" : left}</dd>
        </div>
      </dl>
      {replayed && (
        <p className="muted">This attempt had already been graded; this is its result.</p>
      )}
      {canRetry ? (
        <Button variant="secondary" onClick={onTryAgain}>
          Try again
        </Button>
      ) : (
        <p className={r.noAttempts} role="note">
          You have used all {plural(quiz.settings.maxAttempts ?? 0, "attempt")}.{" "}
          {quiz.bestPercent !== null &&
            `Your best score, ${formatPercent(quiz.bestPercent)}, is the one that counts.`}
        </p>
      )}
    </section>
  );
}
