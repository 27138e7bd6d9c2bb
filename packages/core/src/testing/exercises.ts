import type { SaveExerciseInput } from "../exercise";

/** Reads two numbers, prints their sum: the exercise every grading test writes against. */
export const SUM_RIGHT = "a, b = map(int, input().split())\nprint(a + b)\n";
export const SUM_WRONG = "a, b = map(int, input().split())\nprint(a - b)\n";

/** A Python stdin exercise: one sample (1 point) and two hidden tests (2 points each). */
export function sumExercise(
  lessonId: string,
  overrides: Partial<SaveExerciseInput["settings"]> & { referenceSolution?: string } = {},
): SaveExerciseInput {
  const { referenceSolution = SUM_RIGHT, ...settings } = overrides;
  return {
    lessonId,
    settings: {
      language: "python",
      style: "stdio",
      functionName: "",
      normalise: "trim",
      tolerance: 0.000001,
      timeLimitMs: 2_000,
      memoryMb: 128,
      passingPercent: 100,
      maxAttempts: null,
      requiredForCertificate: true,
      ...settings,
    },
    starterCode: "# read two numbers and print their sum\n",
    referenceSolution,
    tests: [
      { sample: true, points: 1, input: "2 3\n", expected: "5\n" },
      { sample: false, points: 2, input: "40 2\n", expected: "42\n" },
      { sample: false, points: 2, input: "-7 7\n", expected: "0\n" },
    ],
  };
}
