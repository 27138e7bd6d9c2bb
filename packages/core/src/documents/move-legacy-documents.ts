import { type Database, lessonDocuments } from "@lumen/db";
import type { MediaStore } from "@lumen/media";
import { asc, eq, gt } from "drizzle-orm";
import { documentFile, LEGACY_DOCUMENT_PATH } from "./pdf";

const PAGE = 100;

/**
 * Moves lesson documents stored before ADR 0014 from `videos/<storageId>/document.pdf` to
 * `documents/<storageId>.pdf`. No column records where a document is, so every row is checked
 * (one HEAD when already moved). Idempotent: copy unless the new key has it, then delete the
 * old; a reader in between finds one or the other (openLessonDocument tries both).
 */
export async function moveLegacyDocuments({
  db,
  store,
}: {
  db: Database;
  store: MediaStore;
}): Promise<{ moved: number }> {
  let moved = 0;
  let after: string | undefined;
  for (;;) {
    const rows = await db
      .select({ lessonId: lessonDocuments.lessonId, storageId: lessonDocuments.storageId })
      .from(lessonDocuments)
      .where(after === undefined ? undefined : gt(lessonDocuments.lessonId, after))
      .orderBy(asc(lessonDocuments.lessonId))
      .limit(PAGE);
    for (const row of rows) if (await moveOne(db, store, row)) moved += 1;
    const last = rows.at(-1);
    if (!last || rows.length < PAGE) return { moved };
    after = last.lessonId;
  }
}

async function moveOne(
  db: Database,
  store: MediaStore,
  { lessonId, storageId }: { lessonId: string; storageId: string },
): Promise<boolean> {
  if (!(await store.head(storageId, LEGACY_DOCUMENT_PATH))) return false;
  const file = documentFile(storageId);
  if (!(await store.headFile(file))) {
    const old = await store.get(storageId, LEGACY_DOCUMENT_PATH);
    if (!old) return false;
    await store.putFile(file, old.body, old.contentType ?? "application/pdf", old.size);
  }
  await store.delete(storageId, [LEGACY_DOCUMENT_PATH]);
  // Replaced meanwhile: the upload deleted this document at both keys before the copy, so the
  // copy would be an orphan.
  const [current] = await db
    .select({ storageId: lessonDocuments.storageId })
    .from(lessonDocuments)
    .where(eq(lessonDocuments.lessonId, lessonId));
  if (current?.storageId !== storageId) await store.deleteFile(file);
  return true;
}
