import { assignmentAttachments, type Database, enrollments } from "@lumen/db";
import type { StoredObject } from "@lumen/media";
import { and, eq, isNotNull } from "drizzle-orm";
import { assertCanEditLesson } from "../../access";
import { NotFoundError, type SessionUser } from "../../kernel";
import { assertCanReadSubmission } from "../access";
import { ATTACHMENT_NOT_FOUND, findSubmissionOf } from "./rows";
import {
  type AttachmentDeps,
  type AttachmentView,
  attachmentFile,
  toAttachmentView,
} from "./types";

/**
 * A stored attachment, for whoever may read the submission it belongs to (author, staff, a
 * reviewer with a live lease or a submitted review). Before the learner has submitted, only
 * they and the course's staff may. Everyone else is told it does not exist.
 */
export async function assertCanReadAttachment(
  db: Database,
  user: SessionUser,
  attachmentId: string,
): Promise<AttachmentView> {
  const [row] = await db
    .select({ attachment: assignmentAttachments, authorId: enrollments.userId })
    .from(assignmentAttachments)
    .innerJoin(enrollments, eq(enrollments.id, assignmentAttachments.enrollmentId))
    .where(
      and(eq(assignmentAttachments.id, attachmentId), isNotNull(assignmentAttachments.storedAt)),
    );
  if (!row) throw new NotFoundError(ATTACHMENT_NOT_FOUND);
  const { attachment, authorId } = row;
  const submission = await findSubmissionOf(db, attachment.lessonId, attachment.enrollmentId);
  const allowed = submission
    ? await assertCanReadSubmission(db, user, submission.id).then(
        () => true,
        () => false,
      )
    : authorId === user.id ||
      (await assertCanEditLesson(db, user, attachment.lessonId).then(
        () => true,
        () => false,
      ));
  if (!allowed) throw new NotFoundError(ATTACHMENT_NOT_FOUND);
  return toAttachmentView(attachment);
}

/**
 * Where to download an attachment: the API's same-origin path, which checks access again on
 * every request. (Not a signed edge link: a reviewer's access ends with their lease, and a
 * link would outlive it.)
 */
export async function attachmentDownload({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: { attachmentId: string };
}): Promise<{ url: string; filename: string; contentType: string; byteSize: number }> {
  const attachment = await assertCanReadAttachment(db, user, input.attachmentId);
  const { downloadUrl: url, filename, contentType, byteSize } = attachment;
  return { url, filename, contentType, byteSize };
}

/** The attachment's bytes, for the API's download route (same access rule). */
export async function openAttachment({
  db,
  media,
  user,
  attachmentId,
}: AttachmentDeps & { attachmentId: string }): Promise<{
  attachment: AttachmentView;
  object: StoredObject;
}> {
  const attachment = await assertCanReadAttachment(db, user, attachmentId);
  const object = await media.store.getFile(attachmentFile(attachment.id));
  if (!object) throw new NotFoundError(ATTACHMENT_NOT_FOUND);
  return { attachment, object };
}
