import { describe, expect, it } from "vitest";
import "../../../../lib/i18n/testing";
import type { ReferenceCheck } from "./exercise-editor";
import { savedExercise, T } from "./exercise-fixtures";
import { PASSED_TEXT, summariseCheck } from "./reference-check";

function check(patch: Partial<ReferenceCheck> = {}): ReferenceCheck {
  return {
    submissionId: "5b0f6f0e-4a8e-4f57-9a57-1f7d1c3d2b10",
    purpose: "reference",
    status: "graded",
    attemptNumber: null,
    language: "python",
    createdAt: "2026-12-06T14:00:00.000Z",
    gradedAt: "2026-12-06T14:00:02.000Z",
    scorePoints: 1,
    maxPoints: 4,
    scorePercent: 25,
    passed: false,
    verdict: "WA",
    compileError: null,
    tests: [],
    waitingReason: null,
    ...patch,
  };
}

/** A reference check's result: graded as a sample (output shown), `hidden` as the test is. */
const result = (position: number, verdict: "AC" | "WA" | "RE", extra = {}) => ({
  id: T(position + 1),
  position,
  hidden: savedExercise().tests[position]?.sample === false,
  sample: true as const,
  verdict,
  points: verdict === "AC" ? 1 : 0,
  maxPoints: 1,
  timeMs: 20,
  input: "",
  expected: "",
  actual: "",
  ...extra,
});

describe("summariseCheck", () => {
  it("says what is missing before there is anything to check", () => {
    expect(summariseCheck(savedExercise({ tests: [] })).text).toBe(
      "Add at least one test: saving checks the reference solution against every test.",
    );
    expect(summariseCheck(savedExercise({ referenceSolution: " \n" })).state).toBe("none");
  });

  it("counts the tests while the grader is at it, with why it waits", () => {
    const summary = summariseCheck(
      savedExercise({
        referenceCheck: check({ status: "queued", waitingReason: "No runner can grade code." }),
      }),
    );
    expect(summary).toEqual({
      state: "pending",
      text: "Checking your reference solution against 2 tests…",
      waitingReason: "No runner can grade code.",
    });
  });

  it("says the exercise is ready once the reference solution passes", () => {
    const summary = summariseCheck(
      savedExercise({ referenceCheck: check({ passed: true }), referencePassed: true }),
    );
    expect(summary).toEqual({ state: "passed", text: PASSED_TEXT.message });
  });

  it("names each failing test as sample or hidden, with its diff or error", () => {
    const summary = summariseCheck(
      savedExercise({
        referenceCheck: check({
          tests: [
            result(0, "AC"),
            result(1, "WA", { diff: { line: 1, expected: "12", actual: "-2" } }),
          ],
        }),
      }),
    );
    expect(summary.state).toBe("failed");
    if (summary.state !== "failed") return;
    expect(summary.text).toBe(
      "The reference solution fails 1 test: Test 2 (hidden): Wrong answer.",
    );
    expect(summary.failures).toEqual([
      {
        title: "Test 2 (hidden): Wrong answer",
        diff: { line: 1, expected: "12", actual: "-2" },
        message: null,
      },
    ]);
    const crashed = summariseCheck(
      savedExercise({
        referenceCheck: check({
          tests: [result(0, "RE", { message: "ZeroDivisionError" }), result(1, "AC")],
        }),
      }),
    );
    expect(crashed.state === "failed" && crashed.failures).toEqual([
      { title: "Test 1 (sample): Runtime error", diff: null, message: "ZeroDivisionError" },
    ]);
  });

  it("shows a compile error once, not per test", () => {
    const summary = summariseCheck(
      savedExercise({
        referenceCheck: check({
          compileError: "SyntaxError: invalid syntax",
          tests: [result(0, "AC"), result(1, "AC")].map((t) => ({ ...t, verdict: "CE" as const })),
        }),
      }),
    );
    expect(summary).toMatchObject({
      state: "failed",
      text: "The reference solution does not compile.",
      compileError: "SyntaxError: invalid syntax",
      failures: [],
    });
  });
});
