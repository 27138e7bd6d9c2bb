import { Badge } from "../../../components/ui/Badge";
import { cx } from "../../../components/ui/cx";
import { plural } from "../../../lib/format";
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
  const graded = submission.status === "graded";
  const isSubmit = submission.purpose === "submit";
  const name = submissionName(submission);
  return (
    <section
      className={cx(r.result, graded && (submission.verdict === "AC" ? r.accepted : r.rejected))}
      aria-labelledby="exercise-result-heading"
    >
      <h2 id="exercise-result-heading" tabIndex={-1} className={r.heading}>
        {name}: result
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
            {submission.scorePoints !== null && submission.maxPoints !== null && (
              <span>
                {submission.scorePoints} of {plural(submission.maxPoints, "point")}
                {submission.scorePercent !== null && ` · ${formatPercent(submission.scorePercent)}`}
              </span>
            )}
          </p>
          {isSubmit && submission.passed !== null && (
            <p className={r.flush}>
              {submission.passed
                ? `Passed: the pass mark is ${formatPercent(passingPercent)}.`
                : `Not passed yet: the pass mark is ${formatPercent(passingPercent)}.`}
            </p>
          )}
          {!isSubmit && (
            <p className={cx("muted", r.flush)}>
              A sample run: it checks the samples only and uses no attempt.
            </p>
          )}
          {submission.compileError && (
            <div>
              <h3 className={r.subheading}>Compiler output</h3>
              {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a wide message scrolls; keyboard users need to reach it */}
              <pre className={r.pre} tabIndex={0}>
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
  const sorted = [...tests].sort((a, b) => a.position - b.position);
  const labels = testLabels(sorted);
  return (
    <ul className={r.tests} aria-label="Tests">
      {sorted.map((test, index) => {
        const label = labels[index] ?? `Test ${index + 1}`;
        const summary = (
          <>
            <span className={r.testName}>{label}</span>
            <Badge tone={verdictTone(test.verdict)}>{verdictName(test.verdict)}</Badge>
            <span>
              {test.points}/{test.maxPoints} pts
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
  const diff = test.diff ?? null;
  return (
    <div className={r.detail}>
      {diff && <p className={r.diff}>{diffSentence(diff)}</p>}
      <div className={r.outputs}>
        <Output label="Input" text={test.input} line={null} />
        <Output label="Expected output" text={test.expected} line={diff?.line ?? null} />
        <Output label="Your output" text={test.actual} line={diff?.line ?? null} />
      </div>
      {test.message && (
        <div>
          <h4 className={r.subheading}>{test.verdict === "RE" ? "Error output" : "Message"}</h4>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a wide message scrolls; keyboard users need to reach it */}
          <pre className={r.pre} tabIndex={0}>
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
        <p className={r.empty}>(empty)</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: wide output scrolls; keyboard users need to reach it
        <pre className={r.pre} tabIndex={0}>
          {lines.map((l) => (
            <span key={l.number} className={cx(r.line, l.differs && r.differs)}>
              <span className={r.lineNumber} aria-hidden="true">
                {l.number}
              </span>
              {l.differs && <span className="visually-hidden">(first difference) </span>}
              {l.text}
              {"\n"}
            </span>
          ))}
        </pre>
      )}
    </figure>
  );
}
