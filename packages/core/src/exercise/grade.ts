import { type Database, exerciseSubmissions } from "@lumen/db";
import type { Outbox } from "@lumen/jobs";
import type { GradeResult, Submission } from "@lumen/sandbox";
import { and, eq, ne, sql } from "drizzle-orm";
import { notifyGrade } from "../notifications";
import { markLessonsCompleted } from "../progress";
import { loadExercise, loadTests } from "./load";
import { sandboxSubmission } from "./sandbox-submission";
import type { SubmissionTestResult } from "./types";

export type Grader = (submission: Submission) => Promise<GradeResult>;

export type GradeOutcome = "graded" | "already-graded" | "gone";

/**
 * Grades one queued submission with `grade` (the sandbox) and records the verdict. Safe to run
 * any number of times for one submission (a retried job, a grader killed mid-run and its job
 * handed to another): the verdict is written by the first run to finish, by a conditional
 * update, and only that run completes the lesson. Sandbox failures throw, so the job retries;
 * the submission stays queued meanwhile, never graded by anything but the sandbox.
 */
export async function gradeExerciseSubmission({
  db,
  outbox,
  submissionId,
  grade,
}: {
  db: Database;
  outbox: Outbox;
  submissionId: string;
  grade: Grader;
}): Promise<GradeOutcome> {
  const [submission] = await db
    .update(exerciseSubmissions)
    .set({
      status: "grading",
      gradingStartedAt: sql`coalesce(${exerciseSubmissions.gradingStartedAt}, now())`,
    })
    .where(and(eq(exerciseSubmissions.id, submissionId), ne(exerciseSubmissions.status, "graded")))
    .returning();
  if (!submission) {
    const [exists] = await db
      .select({ id: exerciseSubmissions.id })
      .from(exerciseSubmissions)
      .where(eq(exerciseSubmissions.id, submissionId));
    // Deleted with its lesson while queued: nothing to grade.
    return exists ? "already-graded" : "gone";
  }
  const exercise = await loadExercise(db, submission.lessonId);
  const all = await loadTests(db, submission.lessonId);
  const tests = submission.purpose === "samples" ? all.filter((t) => t.sample) : all;
  const positions = new Map(all.map((t, position) => [t.id, { position, hidden: !t.sample }]));
  const settings = {
    ...exercise.settings,
    language: submission.language as typeof exercise.settings.language,
  };
  const result: GradeResult =
    tests.length === 0
      ? { tests: [], score: 0, maxScore: 0, passed: false }
      : await grade(
          sandboxSubmission(settings, submission.code, tests, {
            showAll: submission.purpose === "reference",
          }),
        );
  const stored: SubmissionTestResult[] = result.tests.map((t) => ({
    ...t,
    ...(positions.get(t.id) ?? { position: 0, hidden: true }),
  }));
  const allPassed = stored.length > 0 && stored.every((t) => t.verdict === "AC");
  const scorePercent =
    result.maxScore > 0 ? (100 * result.score) / result.maxScore : allPassed ? 100 : 0;
  const passed =
    submission.purpose === "reference"
      ? allPassed
      : stored.length > 0 && scorePercent >= exercise.settings.passingPercent;
  return db.transaction(async (tx) => {
    const [written] = await tx
      .update(exerciseSubmissions)
      .set({
        status: "graded",
        scorePoints: result.score,
        maxPoints: result.maxScore,
        scorePercent,
        passed,
        results: stored.map((t) => ({ ...t })),
        compileError: result.compileError ?? null,
        gradedAt: sql`now()`,
      })
      .where(
        and(eq(exerciseSubmissions.id, submissionId), ne(exerciseSubmissions.status, "graded")),
      )
      .returning({ enrollmentId: exerciseSubmissions.enrollmentId });
    if (!written) return "already-graded";
    // A learner's graded attempt (not a sample run, not staff's reference check) is news.
    if (submission.purpose === "submit" && submission.userId) {
      await notifyGrade(tx, {
        userId: submission.userId,
        lessonId: submission.lessonId,
        dedupeKey: `grade:exercise:${submissionId}`,
        news: { what: "graded", percent: scorePercent, passed },
      });
    }
    if (submission.purpose === "submit" && passed && written.enrollmentId) {
      await markLessonsCompleted(tx, outbox, [
        { enrollmentId: written.enrollmentId, lessonId: submission.lessonId },
      ]);
    }
    return "graded";
  });
}
