export type Verdict = "AC" | "WA" | "TLE" | "MLE" | "RE" | "CE" | "OLE";

/** Where expected and actual output first differ (1-based line), each side cut short. */
export interface OutputDiff {
  line: number;
  expected: string;
  actual: string;
}

interface TestOutcome {
  id: string;
  verdict: Verdict;
  points: number;
  maxPoints: number;
  /** The program's own time: the run's wall clock less this submission's sandbox start-up. */
  timeMs: number;
  memoryKb?: number;
}

/** A sample test: the learner sees its input, expected and actual output. */
export interface SampleTestResult extends TestOutcome {
  sample: true;
  input: string;
  expected: string;
  actual: string;
  diff?: OutputDiff;
  /** stderr's tail on RE, what went wrong otherwise. */
  message?: string;
}

/**
 * A hidden test: only its verdict and figures. Its input and expected output never enter
 * the result, nor does the program's output or stderr (a program can print its input).
 */
export interface HiddenTestResult extends TestOutcome {
  sample: false;
  input?: never;
  expected?: never;
  actual?: never;
  diff?: never;
  message?: never;
}

export type TestResult = SampleTestResult | HiddenTestResult;

export interface GradeResult {
  tests: TestResult[];
  score: number;
  maxScore: number;
  passed: boolean;
  /** The syntax checker's message when the submission does not compile (every test is CE). */
  compileError?: string;
}
