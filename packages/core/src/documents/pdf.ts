import type { StoredFile } from "@lumen/media";
import { cleanFilename, cutToCodePoints, ValidationError } from "../kernel";

/** The largest PDF a lesson takes: big enough for scanned handouts, small enough to buffer. */
export const DOCUMENT_MAX_BYTES = 50 * 1024 * 1024;
export const DOCUMENT_CONTENT_TYPE = "application/pdf";
/** Every document is its own file, `documents/<storageId>.pdf` (ADR 0014). */
export function documentFile(storageId: string): StoredFile {
  return { purpose: "document", id: storageId };
}

/**
 * Before ADR 0014 a document was `videos/<storageId>/document.pdf`. Read as a fallback until
 * the storage-keys migration (`pnpm storage:migrate`) has moved every one.
 */
export const LEGACY_DOCUMENT_PATH = "document.pdf";

const FILENAME_MAX = 200;
const PDF_MAGIC = new TextEncoder().encode("%PDF-");

/** A PDF by its content: every PDF starts with `%PDF-`; the declared type and name prove nothing. */
export function isPdf(bytes: Uint8Array): boolean {
  return bytes.length >= PDF_MAGIC.length && PDF_MAGIC.every((b, i) => bytes[i] === b);
}

/**
 * The upload is not a PDF. A ValidationError (400 on tRPC), which the HTTP upload route
 * answers as 415 Unsupported Media Type.
 */
export class NotPdfError extends ValidationError {
  constructor() {
    const message = "That file is not a PDF. Choose a PDF document.";
    super(message, { file: [message] });
  }
}

/**
 * The name learners see and download under: no directories, no control or quote characters
 * (it goes into a Content-Disposition header), bounded length, ending in ".pdf".
 */
export function sanitizeFilename(raw: string | undefined): string {
  const stem = cutToCodePoints(cleanFilename(raw).replace(/\.pdf$/i, ""), FILENAME_MAX - 4);
  return `${stem || "document"}.pdf`;
}
