import { randomBytes } from "node:crypto";
import { type BatchStep, runBatch } from "../batch";
import { SandboxFailedError } from "../errors";
import type { SandboxOptions } from "../host";
import { languages } from "../languages";
import type { RunResult } from "../request";
import { firstDifference, jsonEqual, outputMatches } from "./compare";
import { harnesses, readMarkedResult, withoutMarker } from "./harness";
import { judgeRun, tail } from "./judge";
import type { GradeResult, TestResult, Verdict } from "./result";
import { type GradeTest, type ParsedSubmission, type Submission, submissionSchema } from "./schema";

/** The syntax check's time limit: generous, it compiles and exits. */
const CHECK_LIMITS = { timeMs: 5_000 };

/**
 * Grades a submission in ONE gVisor sandbox (runBatch): a syntax check, then each test as a
 * fresh program run by the sandbox's supervisor, one after the other. A run that takes the
 * sandbox down (memory) is judged and the rest go on in a fresh sandbox. Throws
 * SandboxUnavailableError / SandboxFailedError (never a verdict) when the sandbox itself cannot
 * run, so the caller can retry the submission.
 */
export async function gradeSubmission(
  input: Submission,
  options: SandboxOptions = {},
): Promise<GradeResult> {
  const submission = submissionSchema.parse(input);
  const harness = harnesses[submission.language];
  const language = languages[submission.language];
  const { files, entry } = submission;
  const sources = Object.keys(files).filter((name) => harness.sources.test(name));
  const nonces = submission.tests.map(() => randomBytes(16).toString("hex"));
  const steps: BatchStep[] = [
    {
      argv: language.command(harness.checker.file, sources),
      stdin: "",
      timeMs: CHECK_LIMITS.timeMs,
      stopIfFails: true,
    },
    ...submission.tests.map((test, i): BatchStep => {
      if (test.kind === "stdio") {
        return { argv: language.command(entry, []), stdin: test.stdin, timeMs: test.timeMs };
      }
      const call = { nonce: nonces[i], entry, name: test.name, args: test.args };
      return {
        argv: language.command(harness.driver.file, []),
        stdin: JSON.stringify(call),
        timeMs: test.timeMs,
      };
    }),
  ];
  const runs = await runBatch(
    {
      language: submission.language,
      files: {
        ...files,
        [harness.checker.file]: harness.checker.source,
        [harness.driver.file]: harness.driver.source,
      },
      steps,
      limits: {
        // One sandbox holds every run, one at a time: each test gets its own limit (they are
        // equal for an exercise), the syntax check whatever that is.
        memoryMb: Math.max(...submission.tests.map((t) => t.memoryMb)),
      },
    },
    options,
  );
  const [check, ...testRuns] = runs;
  if (!check || check.status !== "ok") {
    const compileError =
      check?.status === "runtime_error"
        ? tail(check.stderr.trim())
        : "the syntax check did not finish within its limits";
    return summarise(
      submission,
      submission.tests.map((test) => outcome(test, "CE", { timeMs: 0, actual: "" })),
      compileError,
    );
  }
  const results = submission.tests.map((test, i) => {
    const run = testRuns[i];
    if (!run) throw new SandboxFailedError(`the batch gave no result for test ${test.id}`);
    return judgeTest(test, run, nonces[i] ?? "");
  });
  return summarise(submission, results);
}

/** One test's verdict from its run; the program's time is the supervisor's, start-up excluded. */
function judgeTest(test: GradeTest, run: RunResult, nonce: string): TestResult {
  const timeMs = run.timeMs;
  if (test.kind === "stdio") {
    const verdict = judgeRun(run, timeMs, test.timeMs, () =>
      outputMatches(test.expectedStdout, run.stdout, test.normalise, test.tolerance),
    );
    return outcome(test, verdict, { run, timeMs, actual: run.stdout });
  }
  const result = readMarkedResult(run.stdout, nonce);
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
