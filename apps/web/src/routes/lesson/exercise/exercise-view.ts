import type { inferOutput } from "@trpc/tanstack-react-query";
import type { BadgeTone } from "../../../components/ui/Badge";
import type { trpc } from "../../../lib/trpc";

export type LearnerExercise = inferOutput<typeof trpc.exercise.take>;
export type SubmissionView = inferOutput<typeof trpc.exercise.submission>;
export type SubmissionTest = SubmissionView["tests"][number];
export type Verdict = NonNullable<SubmissionView["verdict"]>;

const VERDICTS: Record<Verdict, string> = {
  AC: "Accepted",
  WA: "Wrong answer",
  TLE: "Time limit exceeded",
  MLE: "Memory limit exceeded",
  RE: "Runtime error",
  CE: "Compilation error",
  OLE: "Output limit exceeded",
};

/** "Wrong answer": a verdict in words. */
export function verdictName(verdict: Verdict): string {
  return VERDICTS[verdict];
}

/** "Wrong answer (WA)": the words, then the abbreviation judges use. */
export function verdictLabel(verdict: Verdict): string {
  return `${VERDICTS[verdict]} (${verdict})`;
}

export function verdictTone(verdict: Verdict | null): BadgeTone {
  if (verdict === null) return "neutral";
  return verdict === "AC" ? "success" : verdict === "WA" ? "warning" : "danger";
}

/** How often to ask about a submission: every half second until it is graded, then never. */
export const POLL_MS = 500;
export function pollInterval(
  submission: Pick<SubmissionView, "status"> | undefined,
): number | false {
  return submission?.status === "graded" ? false : POLL_MS;
}

/** What a submission is doing while it has no verdict yet. */
export function progressText(submission: Pick<SubmissionView, "status" | "purpose">): string {
  if (submission.status === "queued") return "Queued…";
  if (submission.status === "grading") {
    return submission.purpose === "samples" ? "Running the samples…" : "Running tests…";
  }
  return "Graded";
}

/** "Sample 1" (numbered among the samples) or "Test 3 (hidden)" (numbered among all tests). */
export function testLabels(tests: ReadonlyArray<Pick<SubmissionTest, "hidden" | "position">>) {
  let samples = 0;
  return tests.map((test) =>
    test.hidden ? `Test ${test.position + 1} (hidden)` : `Sample ${++samples}`,
  );
}

/** A submission in the history list: "Attempt 2", or "Sample run" when it used no attempt. */
export function submissionName(submission: Pick<SubmissionView, "purpose" | "attemptNumber">) {
  if (submission.purpose === "submit") {
    return submission.attemptNumber === null ? "Submission" : `Attempt ${submission.attemptNumber}`;
  }
  return "Sample run";
}

export interface OutputLine {
  number: number;
  text: string;
  /** The first line where expected and actual output differ. */
  differs: boolean;
}

/**
 * Output as numbered lines with the first differing line (1-based, from the grader's diff)
 * marked. A trailing newline makes no empty last line; a line past the end of the shorter
 * output is shown as missing on that side.
 */
export function outputLines(text: string, differingLine: number | null): OutputLine[] {
  const body = text.endsWith("\n") ? text.slice(0, -1) : text;
  const lines = body === "" ? [] : body.split("\n");
  const rows = lines.map((line, index) => ({
    number: index + 1,
    text: line,
    differs: index + 1 === differingLine,
  }));
  if (differingLine !== null && differingLine > lines.length) {
    rows.push({ number: differingLine, text: "", differs: true });
  }
  return rows;
}

/**
 * "Line 3: expected "7", got "8"." — the grader's diff in one sentence. Its sides come quoted
 * as JSON strings (so spaces and an empty line show), or "(no line)" past the output's end.
 */
export function diffSentence(diff: { line: number; expected: string; actual: string }): string {
  const show = (side: string) => (side === "(no line)" ? "no line" : side);
  return `Line ${diff.line}: expected ${show(diff.expected)}, got ${show(diff.actual)}.`;
}

/** "1 234 KB" / "12.5 MB": memory as the grader measured it. */
export function formatMemory(kb: number | undefined): string {
  if (kb === undefined) return "—";
  if (kb < 1024) return `${kb} KB`;
  return `${(Math.round((kb / 1024) * 10) / 10).toLocaleString("en")} MB`;
}

/** "250 ms" / "1.5 s": a limit or a run's time. */
export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(Math.round(ms / 100) / 10).toLocaleString("en")} s`;
}

const whenFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });
/** "Dec 6, 2026, 2:05 PM": when a run was sent. */
export function formatWhen(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : whenFormat.format(date);
}
