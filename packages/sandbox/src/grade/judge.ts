import type { RunResult } from "../request";
import type { Verdict } from "./result";

/**
 * The verdict of one run whose output has been compared. TLE is judged on the program's own
 * time: RunResult.timeMs is runsc's wall clock, sandbox start-up included, so the
 * submission's start-up (measured by its syntax-check run, which starts the same sandbox and
 * runtime) is taken off first. runInSandbox's own kill at timeMs + START_GRACE_MS is a TLE too.
 */
export function judgeRun(
  run: RunResult,
  programMs: number,
  limitMs: number,
  outputMatches: () => boolean,
): Verdict {
  switch (run.status) {
    case "time_limit":
      return "TLE";
    case "memory_limit":
      return "MLE";
    case "output_limit":
      return "OLE";
    case "runtime_error":
      return programMs > limitMs ? "TLE" : "RE";
    case "ok":
      if (programMs > limitMs) return "TLE";
      return outputMatches() ? "AC" : "WA";
  }
}

/** The program's own time: the run's wall clock less the submission's start-up. */
export function programTime(run: RunResult, startupMs: number): number {
  return Math.max(0, run.timeMs - startupMs);
}

const TAIL = 2_000;
export const tail = (text: string) => (text.length > TAIL ? `…${text.slice(-TAIL)}` : text);
