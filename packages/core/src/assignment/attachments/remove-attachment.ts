import { assignmentAttachments } from "@lumen/db";
import { eq } from "drizzle-orm";
import { assertRevisable, deleteObjectsQuietly, findOwnAttachment } from "./rows";
import type { AttachmentDeps } from "./types";

/**
 * Removes one of the learner's own attachments while their submission can still change; the
 * object goes too (best effort, after the row: no row, never served).
 */
export async function removeAttachment({
  db,
  media,
  user,
  input,
}: AttachmentDeps & { input: { attachmentId: string } }): Promise<{ attachmentId: string }> {
  const row = await findOwnAttachment(db, user, input.attachmentId);
  await db.transaction(async (tx) => {
    await assertRevisable(tx, row.lessonId, row.enrollmentId);
    await tx.delete(assignmentAttachments).where(eq(assignmentAttachments.id, row.id));
  });
  await deleteObjectsQuietly(media, [row.id]);
  return { attachmentId: row.id };
}
