import type { MediaStore, StoredFile, StoredObject } from "@lumen/media";
import { fileKey } from "@lumen/media-tokens";

/** A certificate's PDF in media storage: `certificates/<id>.pdf` (ADR 0014). */
export function certificatePdfFile(certificateId: string): StoredFile {
  return { purpose: "certificate", id: certificateId };
}

/** What `certificates.pdfPath` holds once the PDF is stored: its full key. */
export function certificatePdfKey(certificateId: string): string {
  return fileKey("certificate", certificateId);
}

/**
 * Before ADR 0014 the PDF was `videos/<id>/certificate.pdf` and pdfPath held this path. Rows
 * keep it until the storage-keys migration (`pnpm storage:migrate`) has moved the object.
 */
export const LEGACY_CERTIFICATE_PDF_PATH = "certificate.pdf";

/** The PDF a row's pdfPath points at, or null when it has none (yet). */
export async function readCertificatePdf(
  store: MediaStore,
  certificateId: string,
  pdfPath: string | null,
): Promise<StoredObject | null> {
  if (pdfPath === null) return null;
  if (pdfPath === LEGACY_CERTIFICATE_PDF_PATH) {
    // Not migrated when the row was read; moved since, it is at its new key.
    const legacy = await store.get(certificateId, LEGACY_CERTIFICATE_PDF_PATH);
    return legacy ?? (await store.getFile(certificatePdfFile(certificateId)));
  }
  return store.getFile(certificatePdfFile(certificateId));
}
