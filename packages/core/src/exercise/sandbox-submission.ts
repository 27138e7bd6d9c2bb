import { type GradeTest, languages, type Submission } from "@lumen/sandbox";
import type { EditableTest, ExerciseSettings } from "./inputs";

/** Why a test's JSON does not fit the function style, or null: checked on save. */
export function functionTestProblem(test: Pick<EditableTest, "input" | "expected">) {
  let args: unknown;
  try {
    args = JSON.parse(test.input);
  } catch {
    return { field: "input", message: 'Write the arguments as a JSON array, e.g. [1, "two"].' };
  }
  if (!Array.isArray(args)) {
    return { field: "input", message: 'Write the arguments as a JSON array, e.g. [1, "two"].' };
  }
  try {
    JSON.parse(test.expected);
  } catch {
    return { field: "expected", message: 'Write the expected value as JSON, e.g. 42 or "ok".' };
  }
  return null;
}

/**
 * The sandbox's view of one run: the code as the language's main file, and each test with
 * the exercise's limits and comparison. `showAll` grades every test as a sample (the
 * reference check: its editors see every output); otherwise hidden tests stay hidden.
 */
export function sandboxSubmission(
  settings: ExerciseSettings,
  code: string,
  tests: ReadonlyArray<EditableTest & { id: string }>,
  { showAll = false }: { showAll?: boolean } = {},
): Submission {
  const mainFile = languages[settings.language].mainFile;
  const tolerance = { absolute: settings.tolerance, relative: settings.tolerance };
  return {
    language: settings.language,
    files: { [mainFile]: code },
    entry: mainFile,
    tests: tests.map((test): GradeTest => {
      const base = {
        id: test.id,
        points: test.points,
        timeMs: settings.timeLimitMs,
        memoryMb: settings.memoryMb,
        sample: showAll || test.sample,
      };
      if (settings.style === "stdio") {
        return {
          ...base,
          kind: "stdio",
          stdin: test.input,
          expectedStdout: test.expected,
          normalise: settings.normalise,
          tolerance,
        };
      }
      return {
        ...base,
        kind: "function",
        name: settings.functionName,
        // Checked on save (functionTestProblem): an array of JSON values, and a JSON value.
        args: JSON.parse(test.input),
        expected: JSON.parse(test.expected),
        tolerance,
      };
    }),
  };
}
