import type { EditableExercise } from "./exercise-editor";

/** A saved exercise as `exercise.edit` returns it, for the editor's unit tests. */
export const LESSON = "7b0f6f0e-4a8e-4f57-9a57-1f7d1c3d2b10";
export const T = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

export function ids() {
  let n = 0;
  return () => `id${++n}`;
}

export function savedExercise(patch: Partial<EditableExercise> = {}): EditableExercise {
  return {
    lessonId: LESSON,
    settings: {
      language: "python",
      style: "stdio",
      functionName: "",
      normalise: "trim",
      tolerance: 0.000001,
      timeLimitMs: 1500,
      memoryMb: 256,
      passingPercent: 80,
      maxAttempts: null,
      requiredForCertificate: true,
    },
    starterCode: "# read two numbers\n",
    referenceSolution: "a, b = map(int, input().split())\nprint(a + b)\n",
    tests: [
      { id: T(1), sample: true, points: 1, input: "1 2\n", expected: "3\n" },
      { id: T(2), sample: false, points: 3, input: "5 7\n", expected: "12\n" },
    ],
    version: 2,
    referenceCheck: null,
    referencePassed: false,
    languages: [
      { name: "python", label: "Python 3" },
      { name: "javascript", label: "JavaScript (Node.js)" },
    ],
    attemptCount: 0,
    ...patch,
  };
}
