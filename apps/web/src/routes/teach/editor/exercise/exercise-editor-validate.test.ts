import { describe, expect, it } from "vitest";
import "../../../../lib/i18n/testing";
import { type ExerciseDraft, exerciseFieldId, testFieldId, toDraft } from "./exercise-editor";
import {
  ARGS_MESSAGE,
  countErrors,
  firstInvalidId,
  serverExerciseErrors,
  VALUE_MESSAGE,
  validateExercise,
} from "./exercise-editor-validate";
import { ids, LESSON, savedExercise } from "./exercise-fixtures";

const valid = (): ExerciseDraft => toDraft(savedExercise(), "Add two numbers.", undefined, ids());

function functionStyle(draft: ExerciseDraft): ExerciseDraft {
  return { ...draft, settings: { ...draft.settings, style: "function", functionName: "add" } };
}

describe("validateExercise", () => {
  it("finds nothing wrong with a saved exercise", () => {
    expect(countErrors(validateExercise(valid()))).toBe(0);
  });

  it("checks the limits per test as the API does, in seconds", () => {
    const draft = valid();
    for (const [seconds, ok] of [
      ["0.1", true],
      ["10", true],
      ["0.05", false],
      ["10.5", false],
      ["", false],
      ["two", false],
    ] as const) {
      draft.settings.timeLimitSeconds = seconds;
      expect(validateExercise(draft).settings.timeLimit === undefined, seconds).toBe(ok);
    }
    draft.settings.timeLimitSeconds = "2";
    draft.settings.memoryMb = "16";
    draft.settings.passingPercent = "101";
    draft.settings.unlimited = false;
    draft.settings.maxAttempts = "0";
    expect(validateExercise(draft).settings).toEqual({
      memoryMb: "Memory must be a whole number of MB from 32 to 1,024.",
      passingPercent: "The passing score is a whole percent from 0 to 100.",
      maxAttempts: "Allow from 1 to 100 attempts, or choose unlimited.",
    });
  });

  it("checks the tolerance only when numbers are compared with one", () => {
    const draft = valid();
    draft.settings.tolerance = "-1";
    expect(validateExercise(draft).settings.tolerance).toBeUndefined();
    draft.settings.normalise = "numeric";
    expect(validateExercise(draft).settings.tolerance).toBe("Tolerance cannot be negative.");
  });

  it("asks a function-style exercise for a function name the language accepts", () => {
    const draft = functionStyle(valid());
    draft.tests = [];
    expect(validateExercise(draft).settings.functionName).toBeUndefined();
    draft.settings.functionName = "";
    expect(validateExercise(draft).settings.functionName).toBe("Name the function the tests call.");
    draft.settings.functionName = "2add";
    expect(validateExercise(draft).settings.functionName).toBe(
      "Use a function name such as solve or add_numbers.",
    );
  });

  it("asks function-style tests for a JSON array of arguments and a JSON value", () => {
    const draft = functionStyle(valid());
    const [a, b] = draft.tests;
    if (!a || !b) throw new Error("two tests");
    draft.tests = [
      { ...a, input: "[1, 2]", expected: "3" },
      { ...b, input: '{"a": 1}', expected: "3" },
      { ...b, key: "c", input: "[1]", expected: "three" },
      { ...b, key: "d", input: "", expected: "" },
    ];
    const errors = validateExercise(draft);
    expect(errors.tests[a.key]).toBeUndefined();
    expect(errors.tests[b.key]).toEqual({ input: ARGS_MESSAGE.message });
    expect(errors.tests.c).toEqual({ expected: VALUE_MESSAGE.message });
    expect(errors.tests.d).toEqual({ input: ARGS_MESSAGE.message });
    // The same text is fine as standard input and output.
    expect(countErrors(validateExercise({ ...draft, settings: valid().settings }))).toBe(0);
  });

  it("refuses points outside 0–100, control characters and code over 64 KiB", () => {
    const draft = valid();
    const [a, b] = draft.tests;
    if (!a || !b) throw new Error("two tests");
    draft.tests = [
      { ...a, points: "0" },
      { ...b, points: "1.5", expected: "12\u0000" },
    ];
    draft.referenceSolution = "x".repeat(64 * 1024 + 1);
    const errors = validateExercise(draft);
    expect(errors.tests[a.key]).toBeUndefined();
    expect(errors.tests[b.key]?.points).toBe("Points must be a whole number from 0 to 100.");
    expect(errors.tests[b.key]?.expected).toMatch(/^Expected output contains an invisible/);
    expect(errors.referenceSolution).toBe("Reference solution can be at most 64 KiB.");
    expect(countErrors(errors)).toBe(3);
  });
});

describe("firstInvalidId", () => {
  it("follows the form's order: prompt, settings, code, then tests in order", () => {
    const draft = valid();
    const [a, b] = draft.tests;
    if (!a || !b) throw new Error("two tests");
    draft.tests = [a, { ...b, points: "-1" }];
    expect(firstInvalidId(LESSON, draft, validateExercise(draft))).toBe(
      testFieldId(b.key, "points"),
    );
    draft.starterCode = "\u0007";
    expect(firstInvalidId(LESSON, draft, validateExercise(draft))).toBe(
      exerciseFieldId(LESSON, "starterCode"),
    );
    draft.settings.memoryMb = "";
    expect(firstInvalidId(LESSON, draft, validateExercise(draft))).toBe(
      exerciseFieldId(LESSON, "memoryMb"),
    );
    expect(firstInvalidId(LESSON, valid(), validateExercise(valid()))).toBeNull();
  });
});

describe("serverExerciseErrors", () => {
  it("puts the API's errors on the fields their paths name", () => {
    const draft = valid();
    const errors = serverExerciseErrors(
      {
        "tests.1.input": "Write the arguments as a JSON array.",
        "settings.functionName": "Name the function the tests call.",
        "settings.timeLimitMs": "Give each test at least 100 ms.",
        body: "Lesson text is too long.",
      },
      "Some fields need fixing.",
      draft,
    );
    expect(errors.tests[draft.tests[1]?.key ?? ""]).toEqual({
      input: "Write the arguments as a JSON array.",
    });
    expect(errors.settings).toEqual({
      functionName: "Name the function the tests call.",
      timeLimit: "Give each test at least 100 ms.",
    });
    expect(errors.prompt).toBe("Lesson text is too long.");
    expect(errors.form).toBeUndefined();
  });

  it("says what names no field, or the message when nothing was located", () => {
    const draft = valid();
    expect(serverExerciseErrors({ "tests.9.input": "Gone." }, "Refused.", draft).form).toBe(
      "Gone.",
    );
    expect(serverExerciseErrors({}, "Refused.", draft).form).toBe("Refused.");
  });
});
