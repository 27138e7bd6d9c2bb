import { randomUUID } from "node:crypto";
import { lessonDocuments } from "@lumen/db";
import { eq } from "drizzle-orm";
import { assertCanEditLesson, lockLesson } from "../access";
import { type SessionUser, ValidationError } from "../kernel";
import {
  DOCUMENT_CONTENT_TYPE,
  DOCUMENT_MAX_BYTES,
  documentFile,
  isPdf,
  LEGACY_DOCUMENT_PATH,
  NotPdfError,
  sanitizeFilename,
} from "./pdf";
import { type DocumentDeps, type DocumentSummary, documentUrls } from "./types";

function assertPdfLesson(lesson: { kind: string }) {
  if (lesson.kind !== "pdf") {
    const message = "Only PDF lessons take a document.";
    throw new ValidationError(message, { lessonId: [message] });
  }
}

/** Who may upload: the lesson's editors, on a PDF lesson. Checked before the body is read. */
export async function assertCanUploadDocument({
  db,
  user,
  lessonId,
}: Omit<DocumentDeps, "media"> & { user: SessionUser; lessonId: string }) {
  assertPdfLesson(await assertCanEditLesson(db, user, lessonId));
}

/**
 * Stores a PDF as the lesson's document, replacing any previous one. Every upload gets a new
 * storage id, so a reader never gets half of one file and half of another: the object is
 * written first, the row switches to it in a transaction under the course lock, and the
 * replaced object is deleted after the commit.
 */
export async function uploadLessonDocument({
  db,
  media,
  user,
  input,
  bytes,
}: DocumentDeps & {
  user: SessionUser;
  input: { lessonId: string; filename?: string };
  bytes: Uint8Array;
}): Promise<DocumentSummary> {
  // Ownership first: a stranger learns nothing about their file.
  await assertCanUploadDocument({ db, user, lessonId: input.lessonId });
  if (bytes.length === 0) {
    throw new ValidationError("The upload is empty. Choose a PDF document.", { file: ["Empty."] });
  }
  if (bytes.length > DOCUMENT_MAX_BYTES) {
    const message = "PDF documents can be at most 50 MiB.";
    throw new ValidationError(message, { file: [message] });
  }
  if (!isPdf(bytes)) throw new NotPdfError();
  const filename = sanitizeFilename(input.filename);
  const storageId = randomUUID();
  await media.store.putFile(documentFile(storageId), bytes, DOCUMENT_CONTENT_TYPE);
  let result: { replaced: string | undefined; uploadedAt: Date };
  try {
    result = await db.transaction(async (tx) => {
      const { lesson } = await lockLesson(tx, user, input.lessonId);
      assertPdfLesson(lesson);
      const [previous] = await tx
        .select({ storageId: lessonDocuments.storageId })
        .from(lessonDocuments)
        .where(eq(lessonDocuments.lessonId, lesson.id));
      const values = { storageId, filename, byteSize: bytes.length, uploadedBy: user.id };
      const [row] = await tx
        .insert(lessonDocuments)
        .values({ lessonId: lesson.id, ...values })
        .onConflictDoUpdate({
          target: lessonDocuments.lessonId,
          set: { ...values, pageCount: null, uploadedAt: new Date() },
        })
        .returning({ uploadedAt: lessonDocuments.uploadedAt });
      if (!row) throw new Error("lesson document upsert returned nothing");
      return { replaced: previous?.storageId, uploadedAt: row.uploadedAt };
    });
  } catch (error) {
    await deleteQuietly(media, storageId);
    throw error;
  }
  if (result.replaced) await deleteQuietly(media, result.replaced);
  return {
    lessonId: input.lessonId,
    filename,
    byteSize: bytes.length,
    uploadedAt: result.uploadedAt.toISOString(),
    ...documentUrls(input.lessonId),
  };
}

/**
 * Best effort: an orphaned object wastes space but is never served (no row names it). The
 * pre-ADR 0014 key too, in case the replaced document was never migrated.
 */
async function deleteQuietly(media: DocumentDeps["media"], storageId: string) {
  await media.store.deleteFile(documentFile(storageId)).catch(() => undefined);
  await media.store.delete(storageId, [LEGACY_DOCUMENT_PATH]).catch(() => undefined);
}
