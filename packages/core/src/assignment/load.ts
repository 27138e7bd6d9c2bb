import {
  assignmentCalibrations,
  assignmentExamples,
  assignmentReviews,
  assignments,
  type RubricCriterion,
  type RubricScore,
} from "@lumen/db";
import { and, asc, avg, count, eq, isNotNull } from "drizzle-orm";
import type { Queryable } from "../kernel";
import type { AssignmentSettings } from "./inputs";

/** What an assignment lesson has before its first save. */
export const DEFAULT_ASSIGNMENT_SETTINGS: AssignmentSettings = {
  allowAttachments: true,
  reviewsToGive: 3,
  reviewsNeeded: 3,
  dueAt: null,
  reviewWindowHours: 7 * 24,
  reviewsCloseAt: null,
  leaseMinutes: 8 * 60,
  fallback: "grade_available",
  weightByCalibration: false,
  passingPercent: 60,
  requiredForCertificate: true,
};

export interface StoredAssignment {
  lessonId: string;
  settings: AssignmentSettings;
  rubric: RubricCriterion[];
  /**
   * False until an editor saved a rubric: learners cannot submit to it. (A settings row alone
   * does not count: the first attachment writes the defaults down, ADR 0018.)
   */
  configured: boolean;
}

export async function loadAssignment(db: Queryable, lessonId: string): Promise<StoredAssignment> {
  const [row] = await db.select().from(assignments).where(eq(assignments.lessonId, lessonId));
  if (!row) {
    return { lessonId, settings: DEFAULT_ASSIGNMENT_SETTINGS, rubric: [], configured: false };
  }
  const { rubric, updatedAt: _updatedAt, lessonId: _id, ...settings } = row;
  return { lessonId, settings, rubric, configured: rubric.length > 0 };
}

export interface StoredExample {
  id: string;
  position: number;
  body: string;
  scores: RubricScore[];
}

export async function loadExamples(db: Queryable, lessonId: string): Promise<StoredExample[]> {
  return db
    .select({
      id: assignmentExamples.id,
      position: assignmentExamples.position,
      body: assignmentExamples.body,
      scores: assignmentExamples.scores,
    })
    .from(assignmentExamples)
    .where(eq(assignmentExamples.lessonId, lessonId))
    .orderBy(asc(assignmentExamples.position));
}

/**
 * When a submission's reviews close: the assignment's window after it was submitted, or the
 * assignment's closing time if that comes first (but never before the submission itself).
 */
export function reviewDeadlineOf(settings: AssignmentSettings, submittedAt: Date): Date {
  const byWindow = new Date(submittedAt.getTime() + settings.reviewWindowHours * 3_600_000);
  const close = settings.reviewsCloseAt;
  if (close && close < byWindow) return close > submittedAt ? close : submittedAt;
  return byWindow;
}

/** Reviews a learner has given in this assignment (submitted, not merely leased). */
export async function reviewsGiven(db: Queryable, enrollmentId: string, lessonId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(assignmentReviews)
    .where(
      and(
        eq(assignmentReviews.reviewerEnrollmentId, enrollmentId),
        eq(assignmentReviews.lessonId, lessonId),
        isNotNull(assignmentReviews.submittedAt),
      ),
    );
  return row?.n ?? 0;
}

/** A learner's calibration: how many examples they graded and their mean accuracy (null: none). */
export async function calibrationOf(db: Queryable, enrollmentId: string, lessonId: string) {
  const [row] = await db
    .select({ done: count(), accuracy: avg(assignmentCalibrations.accuracy) })
    .from(assignmentCalibrations)
    .where(
      and(
        eq(assignmentCalibrations.enrollmentId, enrollmentId),
        eq(assignmentCalibrations.lessonId, lessonId),
      ),
    );
  const done = row?.done ?? 0;
  return { done, accuracy: done > 0 && row?.accuracy != null ? Number(row.accuracy) : null };
}
