// Messages are made when a file is chosen or answered, in the language shown then (global `t`).
import { t } from "@lingui/core/macro";
import { fieldOf, parseJsonSafely, XhrInterrupted, xhrPut } from "../../../../lib/xhr-put";

/**
 * A PDF lesson's document: checked in the browser first (the bytes say PDF, the size fits),
 * then sent as the raw body with byte progress. The API checks both again and answers 415
 * or 413 with its own words, which are shown as they are.
 */
export const PDF_MAX_BYTES = 50 * 1024 * 1024;

export interface StoredDocument {
  filename: string;
  byteSize: number;
}

export const documentUrl = (lessonId: string) =>
  `/api/lessons/${encodeURIComponent(lessonId)}/document`;

/**
 * The "Open" link. The API lets browsers keep a PDF for a few minutes; `v` (which the API
 * ignores) changes with the document, so a replaced PDF is never shown from that cache.
 */
export const documentPreviewUrl = (lessonId: string, document: StoredDocument) =>
  `${documentUrl(lessonId)}?v=${document.byteSize}-${encodeURIComponent(document.filename)}`;

/** Every PDF starts with "%PDF-" (a few writers put junk first; the API decides on those). */
export function looksLikePdf(head: Uint8Array): boolean {
  return [..."%PDF-"].every((ch, i) => head[i] === ch.charCodeAt(0));
}

/** Why this file cannot be the lesson's PDF, or null when it can be sent. */
export function pdfProblem(file: { size: number; name: string }, head: Uint8Array): string | null {
  if (file.size === 0) return t`That file is empty.`;
  const { name } = file;
  if (!looksLikePdf(head)) return t`“${name}” is not a PDF. Choose a .pdf file.`;
  if (file.size > PDF_MAX_BYTES) {
    const mib = (file.size / (1024 * 1024)).toFixed(1);
    return t`That PDF is ${mib} MiB; the limit is 50 MiB.`;
  }
  return null;
}

export function documentErrorMessage(status: number): string {
  if (status === 413) return t`That PDF is larger than 50 MiB.`;
  if (status === 415) return t`That file is not a PDF.`;
  if (status === 401) return t`Your session ended. Sign in again to upload.`;
  if (status === 403 || status === 404) return t`You can't change this lesson's PDF.`;
  if (status === 0) return t`The upload was interrupted. Check your connection and try again.`;
  return t`The upload failed. Please try again.`;
}

export type DocumentOutcome =
  | { ok: true; document: StoredDocument }
  | { ok: false; message: string };

/** Reads the API's answer: `{ filename, byteSize, … }`, or `{ error: { message } }`. */
export function readDocumentResponse(status: number, text: string): DocumentOutcome {
  const body = parseJsonSafely(text);
  const filename = fieldOf(body, "filename");
  const byteSize = fieldOf(body, "byteSize");
  if (
    status >= 200 &&
    status < 300 &&
    typeof filename === "string" &&
    typeof byteSize === "number"
  ) {
    return { ok: true, document: { filename, byteSize } };
  }
  const message = fieldOf(fieldOf(body, "error"), "message");
  // The server explains a refused file (not a PDF, too large, …); other failures get ours.
  const useServer =
    typeof message === "string" &&
    message !== "" &&
    status >= 400 &&
    status < 500 &&
    status !== 401;
  return { ok: false, message: useServer ? message : documentErrorMessage(status) };
}

export class UploadCancelled extends Error {
  constructor() {
    super(t`Upload cancelled.`);
    this.name = "UploadCancelled";
  }
}

/** PUTs the PDF's bytes; XHR because only XHR reports upload progress. */
export function uploadDocument(
  lessonId: string,
  file: File,
  onProgress: (loaded: number, total: number) => void,
): { done: Promise<StoredDocument>; abort: () => void } {
  const url = `${documentUrl(lessonId)}?filename=${encodeURIComponent(file.name)}`;
  const put = xhrPut(url, file, { contentType: "application/pdf", onProgress });
  const done = put.done.then(
    ({ status, text }) => {
      const outcome = readDocumentResponse(status, text);
      if (!outcome.ok) throw new Error(outcome.message);
      return outcome.document;
    },
    (error: unknown) => {
      if (error instanceof XhrInterrupted && error.reason === "aborted")
        throw new UploadCancelled();
      throw new Error(documentErrorMessage(0));
    },
  );
  return { done, abort: put.abort };
}
