import { assignmentAttachments } from "@lumen/db";
import type { MediaContext } from "@lumen/media";
import { and, eq, isNull } from "drizzle-orm";
import { ConflictError, ValidationError } from "../../kernel";
import { ALLOWED_TYPES_MESSAGE, ATTACHMENT_TYPES, bytesMatchType, SNIFF_BYTES } from "./file-types";
import {
  deleteObjectsQuietly,
  findOwnAttachment,
  lockForAttachmentChange,
  SUBMISSION_LOCKED,
} from "./rows";
import {
  type AttachmentDeps,
  type AttachmentRow,
  type AttachmentView,
  attachmentFile,
  toAttachmentView,
} from "./types";

const NOT_ARRIVED = "The file didn't arrive completely. Attach it again.";

/**
 * After the browser's PUT: the attachment counts once the edge holds exactly its bytes and
 * their first bytes are the declared type (magic bytes; text is UTF-8 without control
 * characters). Anything else is removed, row and object, with the reason. Confirming twice
 * is harmless: a stored attachment is returned as it is.
 */
export async function confirmAttachmentUpload({
  db,
  media,
  user,
  input,
}: AttachmentDeps & { input: { attachmentId: string } }): Promise<AttachmentView> {
  const row = await findOwnAttachment(db, user, input.attachmentId);
  if (row.storedAt) return toAttachmentView(row);
  const problem = await checkUploadedFile(media, row);
  const outcome = await db.transaction(async (tx) => {
    const revisable = await lockForAttachmentChange(tx, row.lessonId, row.enrollmentId);
    const mine = eq(assignmentAttachments.id, row.id);
    if (!revisable || problem) {
      await tx.delete(assignmentAttachments).where(mine);
      return revisable ? { problem } : { locked: true };
    }
    const [stored] = await tx
      .update(assignmentAttachments)
      .set({ storedAt: new Date() })
      .where(and(mine, isNull(assignmentAttachments.storedAt)))
      .returning();
    // A concurrent confirm got there first (or the learner removed it meanwhile).
    return { stored: stored ?? (await findOwnAttachment(tx, user, row.id)) };
  });
  if ("stored" in outcome && outcome.stored) return toAttachmentView(outcome.stored);
  await deleteObjectsQuietly(media, [row.id]);
  if ("locked" in outcome) throw new ConflictError(SUBMISSION_LOCKED);
  const message = outcome.problem ?? NOT_ARRIVED;
  throw new ValidationError(message, { file: [message] });
}

/** Why the stored object cannot be this attachment, or null when it can. */
async function checkUploadedFile(media: MediaContext, row: AttachmentRow): Promise<string | null> {
  const file = attachmentFile(row.id);
  const head = await media.store.headFile(file);
  if (!head || head.size !== row.byteSize) return NOT_ARRIVED;
  const length = Math.min(SNIFF_BYTES, row.byteSize);
  const sample = await media.store.getFile(file, { offset: 0, length });
  if (!sample) return NOT_ARRIVED;
  const bytes = new Uint8Array(await new Response(sample.body).arrayBuffer());
  const type = row.contentType as keyof typeof ATTACHMENT_TYPES;
  const known = ATTACHMENT_TYPES[type];
  if (known && bytesMatchType(type, bytes, row.byteSize <= SNIFF_BYTES)) return null;
  return `“${row.filename}” is not ${known?.label ?? "a file we accept"} inside. ${ALLOWED_TYPES_MESSAGE}`;
}
