import { certificates, type Database } from "@lumen/db";
import type { MediaStore } from "@lumen/media";
import { and, asc, eq, gt } from "drizzle-orm";
import { certificatePdfFile, certificatePdfKey, LEGACY_CERTIFICATE_PDF_PATH } from "./pdf-file";

const PAGE = 100;

export interface MovedFiles {
  moved: number;
  /** Rows whose object is at neither key: left as they are, and listed for a look. */
  missing: string[];
}

/**
 * Moves certificate PDFs stored before ADR 0014 from `videos/<id>/certificate.pdf` to
 * `certificates/<id>.pdf`. Idempotent, so an interrupted run is finished by the next: for each
 * row still naming the old path, copy the object unless the new key has it, delete the old
 * one, then point the row at the new key. A download in between finds the PDF at one key or
 * the other (readCertificatePdf tries both for old rows).
 */
export async function moveLegacyCertificatePdfs({
  db,
  store,
}: {
  db: Database;
  store: MediaStore;
}): Promise<MovedFiles> {
  const result: MovedFiles = { moved: 0, missing: [] };
  let after: string | undefined;
  for (;;) {
    const rows = await db
      .select({ id: certificates.id })
      .from(certificates)
      .where(
        and(
          eq(certificates.pdfPath, LEGACY_CERTIFICATE_PDF_PATH),
          after === undefined ? undefined : gt(certificates.id, after),
        ),
      )
      .orderBy(asc(certificates.id))
      .limit(PAGE);
    for (const { id } of rows) {
      if (await moveOne(db, store, id)) result.moved += 1;
      else result.missing.push(id);
    }
    const last = rows.at(-1);
    if (!last || rows.length < PAGE) return result;
    after = last.id;
  }
}

async function moveOne(db: Database, store: MediaStore, id: string): Promise<boolean> {
  const file = certificatePdfFile(id);
  if (!(await store.headFile(file))) {
    const old = await store.get(id, LEGACY_CERTIFICATE_PDF_PATH);
    if (!old) return false;
    await store.putFile(file, old.body, old.contentType ?? "application/pdf", old.size);
  }
  await store.delete(id, [LEGACY_CERTIFICATE_PDF_PATH]);
  await db
    .update(certificates)
    .set({ pdfPath: certificatePdfKey(id) })
    .where(and(eq(certificates.id, id), eq(certificates.pdfPath, LEGACY_CERTIFICATE_PDF_PATH)));
  return true;
}
