import { assignmentReviews, assignmentSubmissions } from "@lumen/db";
import type { Outbox } from "@lumen/jobs";
import { and, eq, isNotNull, notInArray } from "drizzle-orm";
import type { Transaction } from "../kernel";
import { notifyGrade } from "../notifications";
import { markLessonsCompleted } from "../progress";
import type { SubmissionRow } from "./access";
import { loadAssignment, reviewsGiven, type StoredAssignment } from "./load";
import { gradeFromReviews } from "./rubric";

/**
 * Grades a submission from its submitted reviews: per criterion the (weighted) median, summed.
 * The caller holds the submission's row lock; the update is also conditional on the row not
 * being graded yet, so however the last reviews race, the grade is written exactly once.
 */
export async function gradeFromPeers(
  tx: Transaction,
  outbox: Outbox,
  submission: SubmissionRow,
  assignment: StoredAssignment,
  by: "peers" | "peers_partial",
  now: Date,
): Promise<boolean> {
  const reviews = await tx
    .select({ scores: assignmentReviews.scores, weight: assignmentReviews.weight })
    .from(assignmentReviews)
    .where(
      and(
        eq(assignmentReviews.submissionId, submission.id),
        isNotNull(assignmentReviews.submittedAt),
      ),
    );
  const grade = gradeFromReviews(
    assignment.rubric,
    reviews.map((r) => ({ scores: r.scores ?? [], weight: r.weight })),
  );
  const [written] = await tx
    .update(assignmentSubmissions)
    .set({
      status: "graded",
      gradedBy: by,
      gradeScores: grade.scores,
      gradePoints: grade.points,
      maxPoints: grade.max,
      gradePercent: grade.percent,
      passed: grade.percent >= assignment.settings.passingPercent,
      gradedAt: now,
    })
    .where(
      and(
        eq(assignmentSubmissions.id, submission.id),
        notInArray(assignmentSubmissions.status, ["graded"]),
      ),
    )
    .returning({ id: assignmentSubmissions.id });
  if (!written) return false;
  await notifyGrade(tx, {
    userId: submission.userId,
    lessonId: submission.lessonId,
    dedupeKey: `grade:assignment:${submission.id}`,
    news: {
      what: "graded",
      percent: grade.percent,
      passed: grade.percent >= assignment.settings.passingPercent,
    },
  });
  await settleCompletion(tx, outbox, submission.enrollmentId, submission.lessonId, now);
  return true;
}

/**
 * Completes the assignment lesson for a learner once both halves are done: their grade passes,
 * and they gave the reviews they owe — or their own review window closed, so a learner in a
 * cohort with nothing left to review is never held back. Called whenever either half moves.
 */
export async function settleCompletion(
  tx: Transaction,
  outbox: Outbox,
  enrollmentId: string,
  lessonId: string,
  now: Date,
): Promise<boolean> {
  const [own] = await tx
    .select({
      passed: assignmentSubmissions.passed,
      reviewDeadline: assignmentSubmissions.reviewDeadline,
    })
    .from(assignmentSubmissions)
    .where(
      and(
        eq(assignmentSubmissions.lessonId, lessonId),
        eq(assignmentSubmissions.enrollmentId, enrollmentId),
      ),
    );
  if (!own?.passed) return false;
  if (now < own.reviewDeadline) {
    const { settings } = await loadAssignment(tx, lessonId);
    if ((await reviewsGiven(tx, enrollmentId, lessonId)) < settings.reviewsToGive) return false;
  }
  await markLessonsCompleted(tx, outbox, [{ enrollmentId, lessonId }]);
  return true;
}
