import { randomBytes } from "node:crypto";
import type { SandboxOptions } from "../host";
import type { RunResult } from "../request";
import { runInSandbox } from "../run";
import { firstDifference, jsonEqual, outputMatches } from "./compare";
import { harnesses, readMarkedResult, withoutMarker } from "./harness";
import { judgeRun, programTime, tail } from "./judge";
import type { GradeResult, TestResult, Verdict } from "./result";
import { type GradeTest, type ParsedSubmission, type Submission, submissionSchema } from "./schema";

/** The syntax check's own limits: generous, it compiles and exits. */
const CHECK_LIMITS = { timeMs: 5_000, memoryMb: 256 };

/**
 * Grades a submission: a syntax check in the sandbox, then each test in a fresh sandbox, one
 * after the other. Throws SandboxUnavailableError / SandboxFailedError (never a verdict) when
 * the sandbox itself cannot run, so the caller can retry the submission.
 */
export async function gradeSubmission(
  input: Submission,
  options: SandboxOptions = {},
): Promise<GradeResult> {
  const submission = submissionSchema.parse(input);
  const harness = harnesses[submission.language];
  const check = await runInSandbox(
    {
      language: submission.language,
      files: { ...submission.files, [harness.checker.file]: harness.checker.source },
      entry: harness.checker.file,
      args: Object.keys(submission.files).filter((name) => harness.sources.test(name)),
      limits: CHECK_LIMITS,
    },
    options,
  );
  if (check.status !== "ok") {
    const compileError =
      check.status === "runtime_error"
        ? tail(check.stderr.trim())
        : "the syntax check did not finish within its limits";
    return summarise(
      submission,
      submission.tests.map((test) => outcome(test, "CE", { timeMs: 0, actual: "" })),
      compileError,
    );
  }
  const results: TestResult[] = [];
  for (const test of submission.tests) {
    results.push(await runTest(submission, test, check.timeMs, options));
  }
  return summarise(submission, results);
}

async function runTest(
  submission: ParsedSubmission,
  test: GradeTest,
  startupMs: number,
  options: SandboxOptions,
): Promise<TestResult> {
  const limits = { timeMs: test.timeMs, memoryMb: test.memoryMb };
  const { language, files, entry } = submission;
  if (test.kind === "stdio") {
    const run = await runInSandbox({ language, files, entry, stdin: test.stdin, limits }, options);
    const timeMs = programTime(run, startupMs);
    const verdict = judgeRun(run, timeMs, test.timeMs, () =>
      outputMatches(test.expectedStdout, run.stdout, test.normalise, test.tolerance),
    );
    return outcome(test, verdict, { run, timeMs, actual: run.stdout });
  }
  const driver = harnesses[language].driver;
  const nonce = randomBytes(16).toString("hex");
  const run = await runInSandbox(
    {
      language,
      files: { ...files, [driver.file]: driver.source },
      entry: driver.file,
      stdin: JSON.stringify({ nonce, entry, name: test.name, args: test.args }),
      limits,
    },
    options,
  );
  const result = readMarkedResult(run.stdout, nonce);
  const timeMs = programTime(run, startupMs);
  let verdict = judgeRun(run, timeMs, test.timeMs, () =>
    jsonEqual(test.expected, result?.json, test.tolerance),
  );
  // Exiting without a result (sys.exit, process.exit inside the function) is not an answer.
  if (verdict === "WA" && result === undefined) verdict = "RE";
  const actual = result === undefined ? "" : JSON.stringify(result.json);
  const message =
    verdict === "RE" && result === undefined && run.status === "ok"
      ? `${test.name} returned no result (the program exited first)\n${withoutMarker(run.stdout, nonce)}`
      : undefined;
  return outcome(test, verdict, { run, timeMs, actual, message });
}

function outcome(
  test: GradeTest,
  verdict: Verdict,
  seen: { run?: RunResult; timeMs: number; actual: string; message?: string },
): TestResult {
  const figures = {
    id: test.id,
    verdict,
    points: verdict === "AC" ? test.points : 0,
    maxPoints: test.points,
    timeMs: seen.timeMs,
    ...(seen.run?.memoryKb === undefined ? {} : { memoryKb: seen.run.memoryKb }),
  };
  if (!test.sample) return { ...figures, sample: false };
  const [input, expected] =
    test.kind === "stdio"
      ? [test.stdin, test.expectedStdout]
      : [
          `${test.name}(${test.args.map((a) => JSON.stringify(a)).join(", ")})`,
          JSON.stringify(test.expected),
        ];
  const diff = verdict === "WA" ? firstDifference(expected, seen.actual) : undefined;
  const message =
    seen.message ?? (verdict === "RE" && seen.run ? tail(seen.run.stderr) : undefined);
  return {
    ...figures,
    sample: true,
    input,
    expected,
    actual: seen.actual,
    ...(diff ? { diff } : {}),
    ...(message ? { message } : {}),
  };
}

function summarise(
  submission: ParsedSubmission,
  tests: TestResult[],
  compileError?: string,
): GradeResult {
  const score = tests.reduce((sum, test) => sum + test.points, 0);
  const maxScore = tests.reduce((sum, test) => sum + test.maxPoints, 0);
  return {
    tests,
    score,
    maxScore,
    passed: score >= (submission.passingScore ?? maxScore),
    ...(compileError === undefined ? {} : { compileError }),
  };
}
