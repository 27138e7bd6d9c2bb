import { assignmentAttachments } from "@lumen/db";
import { and, count, eq, isNull, lt, sql } from "drizzle-orm";
import { ForbiddenError, ValidationError } from "../../kernel";
import { openAssignmentAsLearner } from "../access";
import { attachmentFilename } from "./file-types";
import type { StartAttachmentInput } from "./inputs";
import { ATTACHMENT_MAX_FILES, ATTACHMENT_UPLOAD_TTL_SECONDS } from "./limits";
import {
  allowsAttachments,
  assertRevisable,
  deleteObjectsQuietly,
  ensureAssignmentSettings,
} from "./rows";
import type { AttachmentDeps } from "./types";

/** Where and how the browser sends the file: one PUT of exactly `byteSize` bytes to the edge. */
export interface AttachmentUploadTicket {
  attachmentId: string;
  /** The name it will be stored and downloaded under (cleaned, with a matching extension). */
  filename: string;
  /** `${edgeUrl}/attachments/${token}`; the token is the only credential. */
  url: string;
  expiresAt: string;
  byteSize: number;
}

/**
 * Starts an attachment upload to the learner's submission of an assignment lesson: checks
 * that they may (enrolled, the assignment takes attachments, the submission is not locked, a
 * place is free), records the pending attachment, and signs a link the browser PUTs the file
 * to at the edge. The API never sees the bytes until `confirmAttachmentUpload` checks them.
 * Uploads started but not confirmed while their link lived hold no place and are removed here.
 */
export async function startAttachmentUpload({
  db,
  media,
  user,
  input,
}: AttachmentDeps & { input: StartAttachmentInput }): Promise<AttachmentUploadTicket> {
  const { lessonId, enrollmentId } = await openAssignmentAsLearner(db, user, input.lessonId);
  const filename = attachmentFilename(input.filename, input.contentType);
  const { id, abandoned } = await db.transaction(async (tx) => {
    await assertRevisable(tx, lessonId, enrollmentId);
    await ensureAssignmentSettings(tx, lessonId);
    if (!(await allowsAttachments(tx, lessonId))) {
      throw new ForbiddenError("This assignment doesn't take file attachments.");
    }
    const ofThisSubmission = and(
      eq(assignmentAttachments.lessonId, lessonId),
      eq(assignmentAttachments.enrollmentId, enrollmentId),
    );
    const abandoned = await tx
      .delete(assignmentAttachments)
      .where(
        and(
          ofThisSubmission,
          isNull(assignmentAttachments.storedAt),
          lt(
            assignmentAttachments.createdAt,
            sql`now() - make_interval(secs => ${ATTACHMENT_UPLOAD_TTL_SECONDS})`,
          ),
        ),
      )
      .returning({ id: assignmentAttachments.id });
    const [taken] = await tx
      .select({ n: count() })
      .from(assignmentAttachments)
      .where(ofThisSubmission);
    if ((taken?.n ?? 0) >= ATTACHMENT_MAX_FILES) {
      const message = `A submission can have at most ${ATTACHMENT_MAX_FILES} attachments. Remove one to attach another.`;
      throw new ValidationError(message, { file: [message] });
    }
    const [row] = await tx
      .insert(assignmentAttachments)
      .values({
        lessonId,
        enrollmentId,
        filename,
        contentType: input.contentType,
        byteSize: input.byteSize,
      })
      .returning({ id: assignmentAttachments.id });
    if (!row) throw new Error("attachment insert returned nothing");
    return { id: row.id, abandoned: abandoned.map((a) => a.id) };
  });
  await deleteObjectsQuietly(media, abandoned);
  const { token, expiresAt } = await media.signer.sign(
    "attachment-upload",
    id,
    ATTACHMENT_UPLOAD_TTL_SECONDS,
    input.byteSize,
  );
  return {
    attachmentId: id,
    filename,
    url: `${media.edgeUrl.replace(/\/+$/, "")}/attachments/${token}`,
    expiresAt: expiresAt.toISOString(),
    byteSize: input.byteSize,
  };
}
