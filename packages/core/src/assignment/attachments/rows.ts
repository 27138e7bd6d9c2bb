import { assignmentAttachments, assignmentSubmissions, assignments, enrollments } from "@lumen/db";
import type { MediaContext } from "@lumen/media";
import { and, asc, eq, isNotNull, isNull } from "drizzle-orm";
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  type Queryable,
  type SessionUser,
} from "../../kernel";
import { attachmentFile } from "./types";

export const ATTACHMENT_NOT_FOUND = "We couldn't find that attachment.";
export const SUBMISSION_LOCKED =
  "Your submission is being reviewed, so its attachments can no longer change.";

/**
 * An assignment lesson whose editor never saved settings runs on the defaults. Attachment
 * rows reference the settings row, so the first attachment writes those defaults down.
 */
export async function ensureAssignmentSettings(tx: Queryable, lessonId: string) {
  await tx.insert(assignments).values({ lessonId }).onConflictDoNothing();
}

/** Whether the lesson's assignment takes attachments; no settings row yet means the defaults (yes). */
export async function allowsAttachments(db: Queryable, lessonId: string): Promise<boolean> {
  const [settings] = await db
    .select({ allowAttachments: assignments.allowAttachments })
    .from(assignments)
    .where(eq(assignments.lessonId, lessonId));
  return settings?.allowAttachments ?? true;
}

/** The learner's submission to this lesson (id and status), if they have submitted. */
export async function findSubmissionOf(db: Queryable, lessonId: string, enrollmentId: string) {
  const [submission] = await db
    .select({ id: assignmentSubmissions.id, status: assignmentSubmissions.status })
    .from(assignmentSubmissions)
    .where(
      and(
        eq(assignmentSubmissions.lessonId, lessonId),
        eq(assignmentSubmissions.enrollmentId, enrollmentId),
      ),
    );
  return submission ?? null;
}

/** Attachments can change until the submission is picked for review (status "submitted"). */
export const isLocked = (submission: { status: string } | null) =>
  submission !== null && submission.status !== "submitted";

/**
 * Inside a transaction that changes a learner's attachments: locks their enrollment (so their
 * concurrent uploads count one after the other) and shares the lock of their submission (so
 * the review that locks it waits for this change, and this change sees it locked once it
 * is). False when the submission is locked; Forbidden when the enrollment has ended.
 */
export async function lockForAttachmentChange(
  tx: Queryable,
  lessonId: string,
  enrollmentId: string,
): Promise<boolean> {
  const [enrollment] = await tx
    .select({ id: enrollments.id })
    .from(enrollments)
    .where(and(eq(enrollments.id, enrollmentId), isNull(enrollments.unenrolledAt)))
    .for("no key update");
  if (!enrollment) throw new ForbiddenError("Only enrolled learners take part in this assignment.");
  const [submission] = await tx
    .select({ status: assignmentSubmissions.status })
    .from(assignmentSubmissions)
    .where(
      and(
        eq(assignmentSubmissions.lessonId, lessonId),
        eq(assignmentSubmissions.enrollmentId, enrollmentId),
      ),
    )
    .for("share");
  return !isLocked(submission ?? null);
}

export async function assertRevisable(tx: Queryable, lessonId: string, enrollmentId: string) {
  if (!(await lockForAttachmentChange(tx, lessonId, enrollmentId))) {
    throw new ConflictError(SUBMISSION_LOCKED);
  }
}

/** One of the user's own attachments (any state); anyone else's is not found. */
export async function findOwnAttachment(db: Queryable, user: SessionUser, attachmentId: string) {
  const [row] = await db
    .select({ attachment: assignmentAttachments })
    .from(assignmentAttachments)
    .innerJoin(enrollments, eq(enrollments.id, assignmentAttachments.enrollmentId))
    .where(and(eq(assignmentAttachments.id, attachmentId), eq(enrollments.userId, user.id)));
  if (!row) throw new NotFoundError(ATTACHMENT_NOT_FOUND);
  return row.attachment;
}

/** A learner's stored (confirmed) attachments to one lesson, oldest first. */
export function storedAttachments(db: Queryable, lessonId: string, enrollmentId: string) {
  return db
    .select()
    .from(assignmentAttachments)
    .where(
      and(
        eq(assignmentAttachments.lessonId, lessonId),
        eq(assignmentAttachments.enrollmentId, enrollmentId),
        isNotNull(assignmentAttachments.storedAt),
      ),
    )
    .orderBy(asc(assignmentAttachments.createdAt), asc(assignmentAttachments.id));
}

/**
 * Best effort, after the rows are gone: an orphaned object wastes space but is never served,
 * since no row names it.
 */
export async function deleteObjectsQuietly(media: MediaContext, attachmentIds: readonly string[]) {
  for (const id of attachmentIds) {
    await media.store.deleteFile(attachmentFile(id)).catch(() => undefined);
  }
}
