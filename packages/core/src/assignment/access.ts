import { assignmentReviews, assignmentSubmissions, type Database, enrollments } from "@lumen/db";
import { and, eq, gt, isNotNull, or } from "drizzle-orm";
import { assertCanEditLesson, assertCanWatchLesson } from "../access";
import {
  ForbiddenError,
  NotFoundError,
  type Queryable,
  type SessionUser,
  ValidationError,
} from "../kernel";

export type SubmissionRow = typeof assignmentSubmissions.$inferSelect;

export const SUBMISSION_NOT_FOUND = "We couldn't find that submission.";

/** Assignment procedures only make sense on assignment lessons; anything else is a client mistake. */
export function assertAssignmentLesson(lesson: { kind: string }) {
  if (lesson.kind !== "assignment") {
    const message = "This lesson is not a peer-reviewed assignment.";
    throw new ValidationError(message, { lessonId: [message] });
  }
}

/**
 * The learner side's preamble: an assignment lesson the user may open, with their active
 * enrollment in its course (null for an editor previewing or a free-preview visitor).
 */
export async function openAssignmentLesson(db: Database, user: SessionUser, lessonId: string) {
  const lesson = await assertCanWatchLesson(db, user, lessonId);
  assertAssignmentLesson(lesson);
  return { lessonId, courseId: lesson.courseId, enrollmentId: lesson.enrollmentId };
}

/** As openAssignmentLesson, for what only enrolled learners do (submit, review, calibrate). */
export async function openAssignmentAsLearner(db: Database, user: SessionUser, lessonId: string) {
  const opened = await openAssignmentLesson(db, user, lessonId);
  if (!opened.enrollmentId) {
    throw new ForbiddenError("Only enrolled learners take part in this assignment.");
  }
  return { ...opened, enrollmentId: opened.enrollmentId };
}

/** The editor side's preamble: an assignment lesson of a course the user may edit. */
export async function openAssignmentForEditing(db: Database, user: SessionUser, lessonId: string) {
  const lesson = await assertCanEditLesson(db, user, lessonId);
  assertAssignmentLesson(lesson);
  return lesson;
}

/** A submission and whether the user may edit its course (staff); NotFound when it isn't there. */
export async function findSubmission(db: Queryable, submissionId: string) {
  const [row] = await db
    .select()
    .from(assignmentSubmissions)
    .where(eq(assignmentSubmissions.id, submissionId));
  if (!row) throw new NotFoundError(SUBMISSION_NOT_FOUND);
  return row;
}

/** Staff of the submission's course (its instructors, admins); anyone else learns nothing. */
export async function openSubmissionAsStaff(db: Database, user: SessionUser, submissionId: string) {
  const submission = await findSubmission(db, submissionId);
  await assertCanEditLesson(db, user, submission.lessonId).catch(() => {
    throw new NotFoundError(SUBMISSION_NOT_FOUND);
  });
  return submission;
}

/**
 * Who may read a submission's text and attachments: its author, the course's staff, and a
 * reviewer it is (or was) leased to. Everyone else — other learners included — is told it
 * does not exist, so ids reveal nothing.
 */
export async function assertCanReadSubmission(
  db: Database,
  user: SessionUser,
  submissionId: string,
  now: Date = new Date(),
): Promise<{ submission: SubmissionRow; as: "author" | "staff" | "reviewer" }> {
  const submission = await findSubmission(db, submissionId);
  if (submission.userId === user.id) return { submission, as: "author" };
  const staff = await assertCanEditLesson(db, user, submission.lessonId).then(
    () => true,
    () => false,
  );
  if (staff) return { submission, as: "staff" };
  const [review] = await db
    .select({ id: assignmentReviews.id })
    .from(assignmentReviews)
    .innerJoin(enrollments, eq(enrollments.id, assignmentReviews.reviewerEnrollmentId))
    .where(
      and(
        eq(assignmentReviews.submissionId, submissionId),
        eq(enrollments.userId, user.id),
        or(isNotNull(assignmentReviews.submittedAt), gt(assignmentReviews.leaseExpiresAt, now)),
      ),
    );
  if (review) return { submission, as: "reviewer" };
  throw new NotFoundError(SUBMISSION_NOT_FOUND);
}
