import { i18n, type MessageDescriptor } from "@lingui/core";
import { msg, t } from "@lingui/core/macro";
import type { inferOutput } from "@trpc/tanstack-react-query";
import type { BadgeTone } from "../../../components/ui/Badge";
import { intlLocale } from "../../../lib/i18n";
import type { trpc } from "../../../lib/trpc";

// The helpers below build their words when called, during render, in the active language.

export type LearnerExercise = inferOutput<typeof trpc.exercise.take>;
export type SubmissionView = inferOutput<typeof trpc.exercise.submission>;
export type SubmissionTest = SubmissionView["tests"][number];
export type Verdict = NonNullable<SubmissionView["verdict"]>;

const VERDICTS: Record<Verdict, MessageDescriptor> = {
  AC: msg`Accepted`,
  WA: msg`Wrong answer`,
  TLE: msg`Time limit exceeded`,
  MLE: msg`Memory limit exceeded`,
  RE: msg`Runtime error`,
  CE: msg`Compilation error`,
  OLE: msg`Output limit exceeded`,
};

/** "Wrong answer": a verdict in words. */
export function verdictName(verdict: Verdict): string {
  return i18n._(VERDICTS[verdict]);
}

/** "Wrong answer (WA)": the words, then the abbreviation judges use (untranslated). */
export function verdictLabel(verdict: Verdict): string {
  const name = verdictName(verdict);
  return t`${name} (${verdict})`;
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
  if (submission.status === "queued") return t`Queued…`;
  if (submission.status === "grading") {
    return submission.purpose === "samples" ? t`Running the samples…` : t`Running tests…`;
  }
  return t`Graded`;
}

/** "Sample 1" (numbered among the samples) or "Test 3 (hidden)" (numbered among all tests). */
export function testLabels(tests: ReadonlyArray<Pick<SubmissionTest, "hidden" | "position">>) {
  let samples = 0;
  return tests.map((test) => {
    if (!test.hidden) {
      samples += 1;
      return t`Sample ${samples}`;
    }
    const number = test.position + 1;
    return t`Test ${number} (hidden)`;
  });
}

/** A submission in the history list: "Attempt 2", or "Sample run" when it used no attempt. */
export function submissionName(submission: Pick<SubmissionView, "purpose" | "attemptNumber">) {
  const attempt = submission.attemptNumber;
  if (submission.purpose === "submit") {
    return attempt === null ? t`Submission` : t`Attempt ${attempt}`;
  }
  return t`Sample run`;
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
  const show = (side: string) => (side === "(no line)" ? t`no line` : side);
  const { line } = diff;
  const expected = show(diff.expected);
  const actual = show(diff.actual);
  return t`Line ${line}: expected ${expected}, got ${actual}.`;
}

/** "1 234 KB" / "12.5 MB": memory as the grader measured it. */
export function formatMemory(kb: number | undefined): string {
  if (kb === undefined) return "—";
  const locale = intlLocale();
  if (kb < 1024) {
    const size = kb.toLocaleString(locale);
    return t`${size} KB`;
  }
  const size = (Math.round((kb / 1024) * 10) / 10).toLocaleString(locale);
  return t`${size} MB`;
}

/** "250 ms" / "1.5 s": a limit or a run's time. */
export function formatMs(ms: number): string {
  const locale = intlLocale();
  if (ms < 1000) {
    const time = Math.round(ms).toLocaleString(locale);
    return t`${time} ms`;
  }
  const time = (Math.round(ms / 100) / 10).toLocaleString(locale);
  return t`${time} s`;
}

const whenFormats = new Map<string, Intl.DateTimeFormat>();
/** "Dec 6, 2026, 2:05 PM": when a run was sent, in the active language. */
export function formatWhen(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const locale = intlLocale();
  let format = whenFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
    whenFormats.set(locale, format);
  }
  return format.format(date);
}
