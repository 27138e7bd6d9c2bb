import type { LanguageName, TestResult, Verdict } from "@lumen/sandbox";
import type { EditableTest, ExerciseSettings } from "./inputs";

export type SubmissionPurpose = "submit" | "samples" | "reference";
export type SubmissionStatus = "queued" | "grading" | "graded";

/** A language learners may write in, as the editor's picker offers it. */
export interface ExerciseLanguage {
  name: LanguageName;
  label: string;
}

/**
 * One test's result as stored and shown: hidden tests carry their verdict and figures only
 * (`sample` false) — except in a reference check, which its editors see whole (`sample` true
 * for every test); `hidden` says what the test is for learners either way.
 */
export type SubmissionTestResult = TestResult & { position: number; hidden: boolean };

/** A submission as its author (or the course's editors) sees it. */
export interface SubmissionView {
  submissionId: string;
  purpose: SubmissionPurpose;
  status: SubmissionStatus;
  attemptNumber: number | null;
  language: LanguageName;
  createdAt: string;
  gradedAt: string | null;
  /** Set once graded. */
  scorePoints: number | null;
  maxPoints: number | null;
  scorePercent: number | null;
  passed: boolean | null;
  /** The verdict summarising the run: AC when every test passed, else the first failure's. */
  verdict: Verdict | null;
  compileError: string | null;
  tests: SubmissionTestResult[];
  /** Why nothing grades right now (no sandbox on any runner), while queued; else null. */
  waitingReason: string | null;
}

/** The exercise as its editors see it: hidden tests and the reference solution included. */
export interface EditableExercise {
  lessonId: string;
  settings: ExerciseSettings;
  starterCode: string;
  referenceSolution: string;
  tests: Array<EditableTest & { id: string }>;
  version: number;
  /** The latest check of the reference solution against this version's tests, if any. */
  referenceCheck: SubmissionView | null;
  /** Whether the current version is proven: the reference solution passed every test. */
  referencePassed: boolean;
  languages: ExerciseLanguage[];
  /** Graded attempts learners have made; editing is allowed, past scores stay as graded. */
  attemptCount: number;
}

/** A sample test as learners see it: input and expected output shown. */
export interface LearnerSampleTest {
  testId: string;
  position: number;
  points: number;
  input: string;
  expected: string;
}

/** What `exercise.take` returns: never a hidden test's input or expected output. */
export interface LearnerExercise {
  lessonId: string;
  prompt: string;
  language: ExerciseLanguage;
  style: ExerciseSettings["style"];
  functionName: string;
  timeLimitMs: number;
  memoryMb: number;
  passingPercent: number;
  maxAttempts: number | null;
  requiredForCertificate: boolean;
  starterCode: string;
  /** The saved draft, or null when the learner has not typed yet. */
  draft: string | null;
  samples: LearnerSampleTest[];
  hiddenTests: { count: number; points: number };
  maxPoints: number;
  /** The caller's submissions (graded attempts and sample runs), newest first. */
  submissions: SubmissionView[];
  attemptsUsed: number;
  attemptsLeft: number | null;
  bestPercent: number | null;
  passed: boolean;
  /** Null for an editor previewing: nothing is graded or saved as an attempt. */
  enrollmentId: string | null;
  /** Whether this exercise can take submissions at all (it has tests). */
  ready: boolean;
}

export interface SubmitCodeResult {
  submission: SubmissionView;
  /** True when this submission id was already sent: nothing new was written. */
  replayed: boolean;
}
