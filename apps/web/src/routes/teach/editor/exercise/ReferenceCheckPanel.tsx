import { Plural, Trans } from "@lingui/react/macro";
import { useId } from "react";
import { cx } from "../../../../components/ui/cx";
import { Notice } from "../../../../components/ui/Notice";
import type { EditableExercise } from "./exercise-editor";
import s from "./exercise-editor.module.css";
import { type FailedTest, summariseCheck } from "./reference-check";

/**
 * The grader's run of the reference solution against every saved test, followed live: its
 * outcome is announced (a polite live region, always mounted so the change is heard), with
 * each failing test's expected and actual output, runtime error or compile error below.
 */
export function ReferenceCheckPanel({ exercise }: { exercise: EditableExercise }) {
  const summary = summariseCheck(exercise);
  const headingId = useId();
  return (
    <section className={cx(s.check, s[summary.state])} aria-labelledby={headingId}>
      <h5 id={headingId}>
        <Trans>Reference check</Trans>
      </h5>
      {exercise.attemptCount > 0 && (
        <Notice tone="warning" as="p">
          <Plural
            value={exercise.attemptCount}
            one="# learner's attempt was graded; editing keeps their scores."
            other="# learners' attempts were graded; editing keeps their scores."
          />
        </Notice>
      )}
      <p className={s.checkSummary} aria-live="polite" aria-atomic="true">
        {summary.text}
      </p>
      {summary.state === "pending" && summary.waitingReason && (
        <p className={s.checkWaiting}>
          <Trans>Grading is paused: {summary.waitingReason}</Trans>
        </p>
      )}
      {summary.state === "failed" && summary.compileError !== null && (
        <pre className={s.output} translate="no">
          {summary.compileError}
        </pre>
      )}
      {summary.state === "failed" && summary.failures.length > 0 && (
        <ul className={s.failures}>
          {summary.failures.map((failure) => (
            <li key={failure.title}>
              <FailureDetail failure={failure} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function FailureDetail({ failure }: { failure: FailedTest }) {
  return (
    <>
      <p className={s.failureTitle}>{failure.title}</p>
      {failure.diff && (
        <dl className={s.diff}>
          <dt>
            <Trans>Line {failure.diff.line}, expected</Trans>
          </dt>
          <dd>
            <code>{failure.diff.expected || <Trans>(nothing)</Trans>}</code>
          </dd>
          <dt>
            <Trans>Actual</Trans>
          </dt>
          <dd>
            <code>{failure.diff.actual || <Trans>(nothing)</Trans>}</code>
          </dd>
        </dl>
      )}
      {failure.message && (
        <pre className={s.output} translate="no">
          {failure.message}
        </pre>
      )}
    </>
  );
}
