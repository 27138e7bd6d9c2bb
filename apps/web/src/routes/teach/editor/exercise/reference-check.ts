import { plural } from "../../../../lib/format";
import type { EditableExercise, ReferenceCheck } from "./exercise-editor";

/**
 * What the reference check panel says, worked out from the saved exercise alone: whether the
 * grader is still at it, that the reference solution passes, or which tests it fails and how.
 */
type Verdict = NonNullable<ReferenceCheck["verdict"]>;

export const VERDICT_LABELS: Record<Verdict, string> = {
  AC: "Passed",
  WA: "Wrong answer",
  TLE: "Ran out of time",
  MLE: "Ran out of memory",
  RE: "Runtime error",
  CE: "Does not compile",
  OLE: "Printed too much output",
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

export const PASSED_TEXT = "Reference solution passes every test — ready to publish";

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
    const missing =
      count === 0
        ? "Add at least one test"
        : exercise.referenceSolution.trim() === ""
          ? "Write a reference solution"
          : "Save the exercise";
    return {
      state: "none",
      text: `${missing}: saving checks the reference solution against every test.`,
    };
  }
  if (check.status !== "graded") {
    return {
      state: "pending",
      text: `Checking your reference solution against ${plural(count, "test")}…`,
      waitingReason: check.waitingReason,
    };
  }
  if (exercise.referencePassed) return { state: "passed", text: PASSED_TEXT };
  if (check.compileError !== null) {
    return {
      state: "failed",
      text: "The reference solution does not compile.",
      compileError: check.compileError,
      failures: [],
    };
  }
  const failures = check.tests
    .filter((t) => t.verdict !== "AC")
    .map((t): FailedTest => {
      // Every result of a reference check carries its output; `hidden` says what it is for learners.
      const which = `Test ${t.position + 1} (${t.hidden ? "hidden" : "sample"})`;
      // A result without output (stored as hidden) has its verdict only.
      const shown = t.sample ? t : null;
      return {
        title: `${which}: ${VERDICT_LABELS[t.verdict] ?? t.verdict}`,
        diff: t.verdict === "WA" && shown?.diff ? shown.diff : null,
        message: shown?.message ?? null,
      };
    });
  const text =
    failures.length === 0
      ? "The reference solution did not pass."
      : `The reference solution fails ${plural(failures.length, "test")}: ${failures
          .slice(0, 3)
          .map((f) => f.title)
          .join("; ")}${failures.length > 3 ? "; …" : ""}.`;
  return { state: "failed", text, compileError: null, failures };
}
