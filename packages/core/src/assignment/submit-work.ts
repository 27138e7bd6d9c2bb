import {
  assignmentAttachments,
  assignmentSubmissions,
  type Database,
  enrollments,
} from "@lumen/db";
import { closeReviewJob, type Outbox } from "@lumen/jobs";
import { and, count, eq, isNotNull, isNull } from "drizzle-orm";
import { ConflictError, ForbiddenError, type SessionUser, ValidationError } from "../kernel";
import { openAssignmentAsLearner } from "./access";
import type { SubmitWorkInput } from "./inputs";
import { loadAssignment, reviewDeadlineOf } from "./load";

export interface SubmitWorkResult {
  submissionId: string;
  revised: boolean;
  reviewDeadline: string;
}

const LOCKED =
  "Your submission is locked: a reviewer has started reviewing it, so it can no longer change.";

/**
 * Submits a learner's work, or revises it while no reviewer has picked it up (the first lease
 * locks it, in the same row lock, so a revision never changes what a reviewer is reading).
 * The first submit fixes the review deadline and queues the job that closes the window then.
 */
export async function submitWork({
  db,
  user,
  outbox,
  input,
  now = new Date(),
}: {
  db: Database;
  user: SessionUser;
  outbox: Outbox;
  input: SubmitWorkInput;
  now?: Date;
}): Promise<SubmitWorkResult> {
  const { lessonId, courseId, enrollmentId } = await openAssignmentAsLearner(
    db,
    user,
    input.lessonId,
  );
  return db.transaction(async (tx) => {
    const [enrollment] = await tx
      .select({ id: enrollments.id })
      .from(enrollments)
      .where(and(eq(enrollments.id, enrollmentId), isNull(enrollments.unenrolledAt)))
      .for("no key update");
    if (!enrollment) throw new ForbiddenError("Enroll in this course to submit this assignment.");
    const assignment = await loadAssignment(tx, lessonId);
    if (!assignment.configured) {
      throw new ConflictError("This assignment isn't ready for submissions yet.");
    }
    if (!input.body.trim()) {
      const [files] = await tx
        .select({ n: count() })
        .from(assignmentAttachments)
        .where(
          and(
            eq(assignmentAttachments.lessonId, lessonId),
            eq(assignmentAttachments.enrollmentId, enrollmentId),
            isNotNull(assignmentAttachments.storedAt),
          ),
        );
      if ((files?.n ?? 0) === 0) {
        const message = "Write your submission or attach a file.";
        throw new ValidationError(message, { body: [message] });
      }
    }
    const due = assignment.settings.dueAt;
    if (due && now > due) {
      throw new ConflictError(
        `Submissions closed on ${due.toISOString().slice(0, 16).replace("T", " ")} UTC.`,
      );
    }
    const [existing] = await tx
      .select()
      .from(assignmentSubmissions)
      .where(
        and(
          eq(assignmentSubmissions.lessonId, lessonId),
          eq(assignmentSubmissions.enrollmentId, enrollmentId),
        ),
      )
      .for("update");
    if (existing) {
      if (existing.status !== "submitted") throw new ConflictError(LOCKED);
      await tx
        .update(assignmentSubmissions)
        .set({ body: input.body, revisedAt: now })
        .where(eq(assignmentSubmissions.id, existing.id));
      return {
        submissionId: existing.id,
        revised: true,
        reviewDeadline: existing.reviewDeadline.toISOString(),
      };
    }
    const reviewDeadline = reviewDeadlineOf(assignment.settings, now);
    const [row] = await tx
      .insert(assignmentSubmissions)
      .values({
        lessonId,
        enrollmentId,
        userId: user.id,
        // Course runs do not exist yet: a course is one cohort (ADR 0017).
        cohort: courseId,
        body: input.body,
        submittedAt: now,
        reviewDeadline,
      })
      .returning({ id: assignmentSubmissions.id });
    if (!row) throw new Error("assignment submission insert returned nothing");
    await outbox.enqueue(
      tx,
      closeReviewJob,
      { submissionId: row.id },
      { startAfter: secondsUntil(reviewDeadline, now) },
    );
    return { submissionId: row.id, revised: false, reviewDeadline: reviewDeadline.toISOString() };
  });
}

export function secondsUntil(at: Date, now: Date): number {
  return Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 1000));
}
