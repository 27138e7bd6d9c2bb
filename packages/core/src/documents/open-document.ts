import { type Database, lessonDocuments } from "@lumen/db";
import type { StoredObject } from "@lumen/media";
import { eq } from "drizzle-orm";
import { assertCanWatchLesson } from "../access";
import { NotFoundError, type SessionUser } from "../kernel";
import { documentFile, LEGACY_DOCUMENT_PATH } from "./pdf";
import type { DocumentDeps, DocumentSummary } from "./types";
import { documentUrls } from "./types";

const NO_DOCUMENT = "This lesson has no document yet.";

/** A lesson's document row, if it has one. */
export async function findLessonDocument(
  db: Database,
  lessonId: string,
): Promise<(DocumentSummary & { storageId: string }) | null> {
  const [row] = await db
    .select({
      storageId: lessonDocuments.storageId,
      filename: lessonDocuments.filename,
      byteSize: lessonDocuments.byteSize,
      uploadedAt: lessonDocuments.uploadedAt,
    })
    .from(lessonDocuments)
    .where(eq(lessonDocuments.lessonId, lessonId));
  if (!row) return null;
  return {
    ...row,
    lessonId,
    uploadedAt: row.uploadedAt.toISOString(),
    ...documentUrls(lessonId),
  };
}

/**
 * The document's bytes, for whoever may open the lesson (the video rule: editors, enrolled
 * learners, anyone for a free preview lesson).
 */
export async function openLessonDocument({
  db,
  media,
  user,
  lessonId,
}: DocumentDeps & { user: SessionUser | null; lessonId: string }): Promise<{
  document: DocumentSummary;
  object: StoredObject;
}> {
  await assertCanWatchLesson(db, user, lessonId);
  // A replace deletes the old object right after its commit: a reader that read the old row
  // just before finds the object gone, and reads the row again.
  for (let attempt = 0; attempt < 2; attempt++) {
    const found = await findLessonDocument(db, lessonId);
    if (!found) break;
    const { storageId, ...document } = found;
    const object =
      (await media.store.getFile(documentFile(storageId))) ??
      (await media.store.get(storageId, LEGACY_DOCUMENT_PATH));
    if (object) return { document, object };
  }
  throw new NotFoundError(NO_DOCUMENT);
}
