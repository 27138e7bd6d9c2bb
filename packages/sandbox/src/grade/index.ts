export { firstDifference, jsonEqual, outputMatches } from "./compare";
export { gradeSubmission } from "./grade";
export type {
  GradeResult,
  HiddenTestResult,
  OutputDiff,
  SampleTestResult,
  TestResult,
  Verdict,
} from "./result";
export {
  type GradeTest,
  gradeTestSchema,
  type Normalisation,
  type Submission,
  submissionSchema,
  type Tolerance,
} from "./schema";
