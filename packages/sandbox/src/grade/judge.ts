import type { RunResult } from "../request";
import type { Verdict } from "./result";

/**
 * The verdict of one run whose output has been compared. TLE is judged on the program's own
 * time, as the batch supervisor measures it inside the sandbox (spawn to exit; the sandbox's
 * start-up is not in it); the supervisor's kill at the limit is a TLE too.
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

const TAIL = 2_000;
export const tail = (text: string) => (text.length > TAIL ? `…${text.slice(-TAIL)}` : text);
