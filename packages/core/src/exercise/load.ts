import { exerciseSubmissions, exercises, exerciseTests } from "@lumen/db";
import { type LanguageName, languageNames, languages, type Verdict } from "@lumen/sandbox";
import { and, asc, desc, eq } from "drizzle-orm";
import type { Queryable } from "../kernel";
import type { EditableTest, ExerciseSettings } from "./inputs";
import type { ExerciseLanguage, SubmissionTestResult, SubmissionView } from "./types";

/** What an exercise lesson has before its first save. */
export const DEFAULT_EXERCISE_SETTINGS: ExerciseSettings = {
  language: "python",
  style: "stdio",
  functionName: "",
  normalise: "trim",
  tolerance: 0.000001,
  timeLimitMs: 2_000,
  memoryMb: 256,
  passingPercent: 100,
  maxAttempts: null,
  requiredForCertificate: true,
};

export const EXERCISE_LANGUAGES: ExerciseLanguage[] = languageNames.map((name) => ({
  name,
  label: languages[name].label,
}));

export function languageOf(name: string): ExerciseLanguage {
  const known = EXERCISE_LANGUAGES.find((l) => l.name === name);
  // The column is written from the zod enum; a name no longer in the table is a config change.
  if (!known) throw new Error(`exercise language ${name} is not in the language table`);
  return known;
}

export interface StoredExercise {
  settings: ExerciseSettings;
  starterCode: string;
  referenceSolution: string;
  version: number;
}

export async function loadExercise(db: Queryable, lessonId: string): Promise<StoredExercise> {
  const [row] = await db.select().from(exercises).where(eq(exercises.lessonId, lessonId));
  if (!row) {
    return {
      settings: DEFAULT_EXERCISE_SETTINGS,
      starterCode: "",
      referenceSolution: "",
      version: 0,
    };
  }
  return {
    settings: {
      language: languageOf(row.language).name,
      style: row.style,
      functionName: row.functionName,
      normalise: row.normalise as ExerciseSettings["normalise"],
      tolerance: row.tolerance,
      timeLimitMs: row.timeLimitMs,
      memoryMb: row.memoryMb,
      passingPercent: row.passingPercent,
      maxAttempts: row.maxAttempts,
      requiredForCertificate: row.requiredForCertificate,
    },
    starterCode: row.starterCode,
    referenceSolution: row.referenceSolution,
    version: row.version,
  };
}

/** Every test with its input and expected output: for editors and grading, never learners. */
export async function loadTests(
  db: Queryable,
  lessonId: string,
): Promise<Array<EditableTest & { id: string }>> {
  return db
    .select({
      id: exerciseTests.id,
      sample: exerciseTests.sample,
      points: exerciseTests.points,
      input: exerciseTests.input,
      expected: exerciseTests.expected,
    })
    .from(exerciseTests)
    .where(eq(exerciseTests.lessonId, lessonId))
    .orderBy(asc(exerciseTests.position));
}

type SubmissionRow = typeof exerciseSubmissions.$inferSelect;

/** The first failing test's verdict (CE before all), or AC when all passed. */
function summaryVerdict(tests: readonly SubmissionTestResult[]): Verdict | null {
  if (tests.length === 0) return null;
  return tests.find((t) => t.verdict !== "AC")?.verdict ?? "AC";
}

export function toSubmissionView(row: SubmissionRow, waitingReason: string | null): SubmissionView {
  // Written only by gradeExerciseSubmission from a typed SubmissionTestResult[] (the column
  // is generic jsonb in @lumen/db, which cannot import the sandbox's result types).
  const tests = (row.results ?? []) as unknown as SubmissionTestResult[];
  return {
    submissionId: row.id,
    purpose: row.purpose,
    status: row.status,
    attemptNumber: row.attemptNumber,
    language: row.language as LanguageName,
    createdAt: row.createdAt.toISOString(),
    gradedAt: row.gradedAt?.toISOString() ?? null,
    scorePoints: row.scorePoints,
    maxPoints: row.maxPoints,
    scorePercent: row.scorePercent,
    passed: row.passed,
    verdict: row.status === "graded" ? summaryVerdict(tests) : null,
    compileError: row.compileError,
    tests,
    waitingReason: row.status === "graded" ? null : waitingReason,
  };
}

/** One user's submissions to one exercise (graded attempts and sample runs), newest first. */
export async function loadOwnSubmissions(
  db: Queryable,
  userId: string,
  lessonId: string,
  limit = 20,
): Promise<SubmissionRow[]> {
  return db
    .select()
    .from(exerciseSubmissions)
    .where(and(eq(exerciseSubmissions.userId, userId), eq(exerciseSubmissions.lessonId, lessonId)))
    .orderBy(desc(exerciseSubmissions.createdAt))
    .limit(limit);
}

/** Where a learner stands: the best graded attempt counts, passed once stays passed. */
export async function attemptStanding(
  db: Queryable,
  enrollmentId: string,
  lessonId: string,
  maxAttempts: number | null,
) {
  const attempts = await db
    .select({
      scorePercent: exerciseSubmissions.scorePercent,
      passed: exerciseSubmissions.passed,
    })
    .from(exerciseSubmissions)
    .where(
      and(
        eq(exerciseSubmissions.enrollmentId, enrollmentId),
        eq(exerciseSubmissions.lessonId, lessonId),
        eq(exerciseSubmissions.purpose, "submit"),
      ),
    );
  const percents = attempts.flatMap((a) => (a.scorePercent === null ? [] : [a.scorePercent]));
  return {
    attemptsUsed: attempts.length,
    attemptsLeft: maxAttempts === null ? null : Math.max(0, maxAttempts - attempts.length),
    bestPercent: percents.length ? Math.max(...percents) : null,
    passed: attempts.some((a) => a.passed === true),
  };
}
