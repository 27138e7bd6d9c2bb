import { plural } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
import { useEffect, useRef } from "react";
import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { cx } from "../../../components/ui/cx";
import { formatDate } from "../../../lib/format";
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
  const { t } = useLingui();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) heading.current?.focus();
  }, [focusOnMount]);
  const left = quiz.attemptsLeft;
  const canRetry = left === null || left > 0;
  const passMark = formatPercent(quiz.settings.passingPercent);
  const score = formatPercent(attempt.scorePercent);
  const { scorePoints, maxPoints, attemptNumber } = attempt;
  const maxAttempts = quiz.settings.maxAttempts;
  const when = formatDate(attempt.submittedAt);
  const best = quiz.bestPercent === null ? null : formatPercent(quiz.bestPercent);
  const used = maxAttempts ?? 0;
  return (
    <section
      className={cx(r.result, attempt.passed && r.passed)}
      aria-labelledby="quiz-result-heading"
    >
      <h2 id="quiz-result-heading" tabIndex={-1} ref={heading}>
        <Trans>Your score: {score}</Trans>
        <span className="visually-hidden">
          {attempt.passed ? <Trans>, passed</Trans> : <Trans>, not passed</Trans>}
        </span>
      </h2>
      <p className={r.verdict}>
        <Badge tone={attempt.passed ? "success" : "warning"} size="md">
          {attempt.passed ? <Trans>Passed</Trans> : <Trans>Not passed</Trans>}
        </Badge>
        {t`${scorePoints} of ${plural(maxPoints, { one: "# point", other: "# points" })} · the pass mark is ${passMark}`}
      </p>
      <dl className={r.facts}>
        <div>
          <dt>
            <Trans>Attempt</Trans>
          </dt>
          <dd>
            {maxAttempts === null ? (
              <Trans>
                {attemptNumber} · {when}
              </Trans>
            ) : (
              <Trans>
                {attemptNumber} of {maxAttempts} · {when}
              </Trans>
            )}
          </dd>
        </div>
        {best !== null && (
          <div>
            <dt>
              <Trans>Best score</Trans>
            </dt>
            <dd>{quiz.passed ? <Trans>{best} (passed)</Trans> : best}</dd>
          </div>
        )}
        <div>
          <dt>
            <Trans>Attempts left</Trans>
          </dt>
          <dd>{left === null ? <Trans>Unlimited</Trans> : left}</dd>
        </div>
      </dl>
      {replayed && (
        <p className="muted">
          <Trans>This attempt had already been graded; this is its result.</Trans>
        </p>
      )}
      {canRetry ? (
        <Button variant="secondary" onClick={onTryAgain}>
          <Trans>Try again</Trans>
        </Button>
      ) : (
        <p className={r.noAttempts} role="note">
          {best === null
            ? t`You have used all ${plural(used, { one: "# attempt", other: "# attempts" })}.`
            : t`You have used all ${plural(used, { one: "# attempt", other: "# attempts" })}. Your best score, ${best}, is the one that counts.`}
        </p>
      )}
    </section>
  );
}
