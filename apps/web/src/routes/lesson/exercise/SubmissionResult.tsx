import { plural } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
import { Badge } from "../../../components/ui/Badge";
import { cx } from "../../../components/ui/cx";
import { formatPercent } from "../../../lib/learn-outline";
import {
  diffSentence,
  formatMemory,
  formatMs,
  outputLines,
  progressText,
  type SubmissionTest,
  type SubmissionView,
  submissionName,
  testLabels,
  verdictLabel,
  verdictName,
  verdictTone,
} from "./exercise-view";
import r from "./SubmissionResult.module.css";

/**
 * One run's results: while it waits, what it is doing (and why grading is paused, if it is);
 * once graded, the overall verdict, the score against the pass mark, and each test's row
 * (samples open to their input, expected and actual output).
 */
export function SubmissionResult({
  submission,
  passingPercent,
}: {
  submission: SubmissionView;
  passingPercent: number;
}) {
  const { t } = useLingui();
  const graded = submission.status === "graded";
  const isSubmit = submission.purpose === "submit";
  const name = submissionName(submission);
  const { scorePoints, maxPoints, scorePercent } = submission;
  const passMark = formatPercent(passingPercent);
  return (
    <section
      className={cx(r.result, graded && (submission.verdict === "AC" ? r.accepted : r.rejected))}
      aria-labelledby="exercise-result-heading"
    >
      <h2 id="exercise-result-heading" tabIndex={-1} className={r.heading}>
        <Trans>{name}: result</Trans>
      </h2>
      {!graded || !submission.verdict ? (
        <div className={r.waiting}>
          <span className={r.spinner} aria-hidden="true" />
          <p className={r.flush}>{progressText(submission)}</p>
          {submission.waitingReason && <p className={r.reason}>{submission.waitingReason}</p>}
        </div>
      ) : (
        <>
          <p className={r.verdict}>
            <Badge tone={verdictTone(submission.verdict)} size="md">
              {verdictLabel(submission.verdict)}
            </Badge>
            {scorePoints !== null && maxPoints !== null && (
              <span>
                {t`${scorePoints} of ${plural(maxPoints, { one: "# point", other: "# points" })}`}
                {scorePercent !== null && ` · ${formatPercent(scorePercent)}`}
              </span>
            )}
          </p>
          {isSubmit && submission.passed !== null && (
            <p className={r.flush}>
              {submission.passed
                ? t`Passed: the pass mark is ${passMark}.`
                : t`Not passed yet: the pass mark is ${passMark}.`}
            </p>
          )}
          {!isSubmit && (
            <p className={cx("muted", r.flush)}>
              <Trans>A sample run: it checks the samples only and uses no attempt.</Trans>
            </p>
          )}
          {submission.compileError && (
            <div>
              <h3 className={r.subheading}>
                <Trans>Compiler output</Trans>
              </h3>
              {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a wide message scrolls; keyboard users need to reach it */}
              <pre className={r.pre} tabIndex={0} translate="no">
                {submission.compileError}
              </pre>
            </div>
          )}
          {submission.tests.length > 0 && <TestRows tests={submission.tests} />}
        </>
      )}
    </section>
  );
}

function TestRows({ tests }: { tests: SubmissionTest[] }) {
  const { t } = useLingui();
  const sorted = [...tests].sort((a, b) => a.position - b.position);
  const labels = testLabels(sorted);
  return (
    <ul className={r.tests} aria-label={t`Tests`}>
      {sorted.map((test, index) => {
        const number = index + 1;
        const label = labels[index] ?? t`Test ${number}`;
        const { points, maxPoints } = test;
        const summary = (
          <>
            <span className={r.testName}>{label}</span>
            <Badge tone={verdictTone(test.verdict)}>{verdictName(test.verdict)}</Badge>
            <span>
              <Trans>
                {points}/{maxPoints} pts
              </Trans>
            </span>
            <span className="muted">{formatMs(test.timeMs)}</span>
            <span className="muted">{formatMemory(test.memoryKb)}</span>
          </>
        );
        return (
          <li key={test.id} className={r.test}>
            {test.sample ? (
              <details open={test.verdict !== "AC" && test.verdict !== "CE"}>
                <summary className={r.row}>{summary}</summary>
                <SampleDetail test={test} />
              </details>
            ) : (
              <div className={r.row}>{summary}</div>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function SampleDetail({ test }: { test: Extract<SubmissionTest, { sample: true }> }) {
  const { t } = useLingui();
  const diff = test.diff ?? null;
  return (
    <div className={r.detail}>
      {diff && <p className={r.diff}>{diffSentence(diff)}</p>}
      <div className={r.outputs}>
        <Output label={t`Input`} text={test.input} line={null} />
        <Output label={t`Expected output`} text={test.expected} line={diff?.line ?? null} />
        <Output label={t`Your output`} text={test.actual} line={diff?.line ?? null} />
      </div>
      {test.message && (
        <div>
          <h4 className={r.subheading}>
            {test.verdict === "RE" ? <Trans>Error output</Trans> : <Trans>Message</Trans>}
          </h4>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a wide message scrolls; keyboard users need to reach it */}
          <pre className={r.pre} tabIndex={0} translate="no">
            {test.message}
          </pre>
        </div>
      )}
    </div>
  );
}

/** Output as numbered lines, the first differing line marked (and named for screen readers). */
function Output({ label, text, line }: { label: string; text: string; line: number | null }) {
  const lines = outputLines(text, line);
  return (
    <figure className={r.output}>
      <figcaption className={r.outputLabel}>{label}</figcaption>
      {lines.length === 0 ? (
        <p className={r.empty}>
          <Trans>(empty)</Trans>
        </p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: wide output scrolls; keyboard users need to reach it
        <pre className={r.pre} tabIndex={0} translate="no">
          {lines.map((l) => (
            <span key={l.number} className={cx(r.line, l.differs && r.differs)}>
              <span className={r.lineNumber} aria-hidden="true">
                {l.number}
              </span>
              {l.differs && (
                <span className="visually-hidden" translate="yes">
                  <Trans>(first difference)</Trans>{" "}
                </span>
              )}
              {l.text}
              {"\n"}
            </span>
          ))}
        </pre>
      )}
    </figure>
  );
}
