import { i18n, type MessageDescriptor } from "@lingui/core";
import { msg, plural, t } from "@lingui/core/macro";
import type { EditableExercise, ReferenceCheck } from "./exercise-editor";

/**
 * What the reference check panel says, worked out from the saved exercise alone: whether the
 * grader is still at it, that the reference solution passes, or which tests it fails and how.
 * Worked out while rendering, so the global `t` reads the active language.
 */
type Verdict = NonNullable<ReferenceCheck["verdict"]>;

export const VERDICT_LABELS: Record<Verdict, MessageDescriptor> = {
  AC: msg`Passed`,
  WA: msg`Wrong answer`,
  TLE: msg`Ran out of time`,
  MLE: msg`Ran out of memory`,
  RE: msg`Runtime error`,
  CE: msg`Does not compile`,
  OLE: msg`Printed too much output`,
};

export interface FailedTest {
  /** "Test 3 (hidden): Wrong answer" */
  title: string;
  /** Expected and actual on the first line that differs, when the output was wrong. */
  diff: { line: number; expected: string; actual: string } | null;
  /** stderr's tail on a runtime error, or what else went wrong. */
  message: string | null;
}

export type CheckSummary =
  | { state: "none"; text: string }
  | { state: "pending"; text: string; waitingReason: string | null }
  | { state: "passed"; text: string }
  | {
      state: "failed";
      text: string;
      compileError: string | null;
      failures: FailedTest[];
    };

export const PASSED_TEXT = msg`Reference solution passes every test — ready to publish`;

/** The panel's state and its one-sentence summary (also what the live region announces). */
export function summariseCheck(
  exercise: Pick<
    EditableExercise,
    "referenceCheck" | "referencePassed" | "tests" | "referenceSolution"
  >,
): CheckSummary {
  const check = exercise.referenceCheck;
  const count = exercise.tests.length;
  if (!check) {
    const text =
      count === 0
        ? t`Add at least one test: saving checks the reference solution against every test.`
        : exercise.referenceSolution.trim() === ""
          ? t`Write a reference solution: saving checks the reference solution against every test.`
          : t`Save the exercise: saving checks the reference solution against every test.`;
    return { state: "none", text };
  }
  if (check.status !== "graded") {
    return {
      state: "pending",
      text: t`Checking your reference solution against ${plural(count, { one: "# test", other: "# tests" })}…`,
      waitingReason: check.waitingReason,
    };
  }
  if (exercise.referencePassed) return { state: "passed", text: i18n._(PASSED_TEXT) };
  if (check.compileError !== null) {
    return {
      state: "failed",
      text: t`The reference solution does not compile.`,
      compileError: check.compileError,
      failures: [],
    };
  }
  const failures = check.tests
    .filter((result) => result.verdict !== "AC")
    .map((result): FailedTest => {
      // Every result of a reference check carries its output; `hidden` says what it is for learners.
      const number = result.position + 1;
      const label = VERDICT_LABELS[result.verdict];
      const verdict = label ? i18n._(label) : result.verdict;
      // A result without output (stored as hidden) has its verdict only.
      const shown = result.sample ? result : null;
      return {
        title: result.hidden
          ? t`Test ${number} (hidden): ${verdict}`
          : t`Test ${number} (sample): ${verdict}`,
        diff: result.verdict === "WA" && shown?.diff ? shown.diff : null,
        message: shown?.message ?? null,
      };
    });
  const failed = failures.length;
  const list = `${failures
    .slice(0, 3)
    .map((f) => f.title)
    .join("; ")}${failed > 3 ? "; …" : ""}`;
  const text =
    failed === 0
      ? t`The reference solution did not pass.`
      : t`The reference solution fails ${plural(failed, { one: "# test", other: "# tests" })}: ${list}.`;
  return { state: "failed", text, compileError: null, failures };
}
