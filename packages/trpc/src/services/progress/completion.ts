import type { Database } from "@lumen/db";
import type { Outbox } from "@lumen/jobs";
import type { EnrollmentProgress } from "./types";

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/**
 * CONTRACT STUB: replace the bodies (keep the signatures).
 *
 * Marks lessons completed (once: an existing completedAt is kept), then re-evaluates each
 * touched enrollment: exact percent, new milestones (recorded once, with a notification),
 * and — at 100 % with every required quiz passed — enqueues certificates.issue. Runs inside
 * the caller's transaction (the progress ingest, a passed quiz).
 */
export async function markLessonsCompleted(
  _tx: Transaction,
  _outbox: Outbox,
  _items: ReadonlyArray<{ enrollmentId: string; lessonId: string }>,
): Promise<EnrollmentProgress[]> {
  throw new Error("not implemented: markLessonsCompleted");
}

/** An enrollment's exact completion and certificate eligibility, as of now. */
export interface EnrollmentStanding {
  enrollmentId: string;
  userId: string;
  courseId: string;
  percent: number;
  completedRequired: number;
  requiredLessons: number;
  /** Quizzes marked requiredForCertificate that the learner has not passed. */
  quizzesToPass: number;
  /** percent === 100 && quizzesToPass === 0 && the enrollment is active. */
  eligibleForCertificate: boolean;
}

export async function getEnrollmentStanding(
  _db: Database | Transaction,
  _enrollmentId: string,
): Promise<EnrollmentStanding | null> {
  throw new Error("not implemented: getEnrollmentStanding");
}
