import { expect, test } from "vitest";
import type { HiddenTestResult } from "./result";
import { submissionSchema } from "./schema";

const valid = {
  language: "python",
  files: { "main.py": "print(1)" },
  entry: "main.py",
  tests: [{ id: "t", kind: "stdio", expectedStdout: "1" }],
} as const;

test("a submission over the limits, with duplicate ids or harness file names is refused", () => {
  expect(submissionSchema.safeParse(valid).success).toBe(true);
  const refused = [
    { ...valid, tests: [{ ...valid.tests[0], timeMs: 20_000 }] },
    { ...valid, tests: [valid.tests[0], valid.tests[0]] },
    { ...valid, files: { ...valid.files, "_lumen_driver.py": "" } },
    { ...valid, entry: "other.py" },
    { ...valid, tests: [{ id: "f", kind: "function", name: "a b", args: [], expected: 1 }] },
  ];
  for (const submission of refused) {
    expect(submissionSchema.safeParse(submission).success).toBe(false);
  }
});

test("a hidden test's result cannot carry its input, expected or actual output", () => {
  const figures = { id: "t", verdict: "WA", points: 0, maxPoints: 1, timeMs: 5 } as const;
  const hidden: HiddenTestResult = { ...figures, sample: false };
  // @ts-expect-error — the type has no room for the expected output
  const leaking: HiddenTestResult = { ...figures, sample: false, expected: "42" };
  // @ts-expect-error — nor for the input
  const leakingInput: HiddenTestResult = { ...figures, sample: false, input: "1 2" };
  expect([hidden, leaking, leakingInput]).toHaveLength(3);
});
