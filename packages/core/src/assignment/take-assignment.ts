import {
  assignmentCalibrations,
  assignmentReviews,
  assignmentSubmissions,
  type Database,
  lessons,
} from "@lumen/db";
import { and, asc, eq, isNotNull } from "drizzle-orm";
import type { SessionUser } from "../kernel";
import { openAssignmentLesson, type SubmissionRow } from "./access";
import { loadAssignment, loadExamples, reviewsGiven, type StoredAssignment } from "./load";
import { liveLease } from "./review-next";
import type { LearnerAssignment, LearnerStage } from "./types";
import { gradeOf, receivedReviews, settingsView } from "./views";

/**
 * The assignment as a learner opens it: prompt, rubric, their submission and where they are,
 * their grade with each review (anonymous: "Reviewer 1"…), their live review lease, and the
 * calibration examples. Editors previewing get the same view with no enrollment.
 */
export async function takeAssignment({
  db,
  user,
  input,
  now = new Date(),
}: {
  db: Database;
  user: SessionUser;
  input: { lessonId: string };
  now?: Date;
}): Promise<LearnerAssignment> {
  const { lessonId, enrollmentId } = await openAssignmentLesson(db, user, input.lessonId);
  const [assignment, examples, [lesson]] = await Promise.all([
    loadAssignment(db, lessonId),
    loadExamples(db, lessonId),
    db.select({ body: lessons.body }).from(lessons).where(eq(lessons.id, lessonId)),
  ]);
  const own = enrollmentId ? await ownSubmission(db, lessonId, enrollmentId) : null;
  const given = enrollmentId ? await reviewsGiven(db, enrollmentId, lessonId) : 0;
  const calibrations = enrollmentId
    ? await db
        .select()
        .from(assignmentCalibrations)
        .where(
          and(
            eq(assignmentCalibrations.enrollmentId, enrollmentId),
            eq(assignmentCalibrations.lessonId, lessonId),
          ),
        )
    : [];
  const mine = new Map(calibrations.map((c) => [c.exampleId, c]));
  const accuracies = calibrations.map((c) => c.accuracy);
  const due = assignment.settings.dueAt;
  return {
    lessonId,
    prompt: lesson?.body ?? "",
    settings: settingsView(assignment.settings),
    rubric: assignment.rubric,
    enrolled: enrollmentId !== null,
    open: assignment.configured && (!due || now <= due),
    stage: stageOf(assignment, own?.row ?? null, given),
    submission: own
      ? {
          id: own.row.id,
          body: own.row.body,
          status: own.row.status,
          locked: own.row.status !== "submitted",
          submittedAt: own.row.submittedAt.toISOString(),
          revisedAt: own.row.revisedAt?.toISOString() ?? null,
          reviewDeadline: own.row.reviewDeadline.toISOString(),
          reviewsReceived: own.reviews.length,
        }
      : null,
    grade: own ? gradeOf(own.row) : null,
    reviews: own && own.row.status === "graded" ? own.reviews : [],
    reviewing: {
      given,
      toGive: assignment.settings.reviewsToGive,
      lease: enrollmentId ? await liveLease(db, lessonId, enrollmentId, now) : null,
    },
    calibration: {
      examples: examples.map((e) => {
        const done = mine.get(e.id);
        return {
          id: e.id,
          position: e.position,
          body: e.body,
          done: done !== undefined,
          accuracy: done?.accuracy ?? null,
          mine: done?.scores ?? null,
          instructor: done ? e.scores : null,
        };
      }),
      meanAccuracy: accuracies.length
        ? accuracies.reduce((a, b) => a + b, 0) / accuracies.length
        : null,
    },
  };
}

function stageOf(
  assignment: StoredAssignment,
  submission: SubmissionRow | null,
  given: number,
): LearnerStage {
  if (!submission) return "submit";
  if (submission.status === "graded") return "graded";
  if (submission.status === "needs_staff") return "needs_staff";
  return given < assignment.settings.reviewsToGive ? "reviewing" : "waiting";
}

/** The learner's submission and its submitted reviews, oldest first, without reviewer ids. */
async function ownSubmission(db: Database, lessonId: string, enrollmentId: string) {
  const [row] = await db
    .select()
    .from(assignmentSubmissions)
    .where(
      and(
        eq(assignmentSubmissions.lessonId, lessonId),
        eq(assignmentSubmissions.enrollmentId, enrollmentId),
      ),
    );
  if (!row) return null;
  const reviews = await db
    .select({
      id: assignmentReviews.id,
      scores: assignmentReviews.scores,
      flaggedAt: assignmentReviews.flaggedAt,
      flagReason: assignmentReviews.flagReason,
      flagResolution: assignmentReviews.flagResolution,
    })
    .from(assignmentReviews)
    .where(
      and(eq(assignmentReviews.submissionId, row.id), isNotNull(assignmentReviews.submittedAt)),
    )
    .orderBy(asc(assignmentReviews.submittedAt), asc(assignmentReviews.id));
  return { row, reviews: receivedReviews(reviews) };
}
