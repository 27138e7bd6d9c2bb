import { t } from "@lingui/core/macro";
import { fieldOf, parseJsonSafely, XhrInterrupted, xhrPut } from "../../../lib/xhr-put";

/**
 * Cover images: checked here before uploading (type by content, size) so a wrong file is
 * refused at once, then sent as raw bytes with upload progress. The server checks again.
 * Messages are made when a file is chosen or answered, in the language shown then (global `t`).
 */
export const COVER_MAX_BYTES = 2 * 1024 * 1024;
export const COVER_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;
export type CoverType = (typeof COVER_TYPES)[number];

/** The image type the first bytes say, whatever the file name or browser claims. */
export function sniffImageType(head: Uint8Array): CoverType | null {
  const at = (i: number) => head[i];
  const ascii = (offset: number, text: string) =>
    [...text].every((ch, i) => at(offset + i) === ch.charCodeAt(0));
  if ([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => at(i) === b)) {
    return "image/png";
  }
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return "image/jpeg";
  if (ascii(0, "RIFF") && ascii(8, "WEBP")) return "image/webp";
  return null;
}

/** Why this file cannot be a cover, or null when it can. */
export function coverProblem(file: { size: number }, head: Uint8Array): string | null {
  if (file.size === 0) return t`That file is empty.`;
  if (!sniffImageType(head)) return t`Choose a PNG, JPEG or WebP image.`;
  if (file.size > COVER_MAX_BYTES) {
    const mib = (file.size / (1024 * 1024)).toFixed(1);
    return t`That image is ${mib} MB; covers can be at most 2 MB.`;
  }
  return null;
}

export function uploadErrorMessage(status: number): string {
  if (status === 413) return t`That image is larger than 2 MB.`;
  if (status === 415 || status === 400) return t`That file is not a PNG, JPEG or WebP image.`;
  if (status === 401) return t`Your session ended. Sign in again to upload.`;
  if (status === 403 || status === 404) return t`You can't change this course's cover.`;
  if (status === 0) return t`The upload was interrupted. Check your connection and try again.`;
  return t`The upload failed. Please try again.`;
}

export type UploadOutcome =
  | { ok: true; coverImageUrl: string; updatedAt: string | undefined }
  | { ok: false; message: string };

/** Reads the API's answer: `{ coverImageUrl, updatedAt }`, or `{ error: { message } }`. */
export function readUploadResponse(status: number, text: string): UploadOutcome {
  const body = parseJsonSafely(text);
  const url = fieldOf(body, "coverImageUrl");
  if (status >= 200 && status < 300 && typeof url === "string") {
    const updatedAt = fieldOf(body, "updatedAt");
    return {
      ok: true,
      coverImageUrl: url,
      updatedAt: typeof updatedAt === "string" ? updatedAt : undefined,
    };
  }
  const message = fieldOf(fieldOf(body, "error"), "message");
  // The server's words for a refused image (it explains what it found); ours for the rest.
  const useServer =
    typeof message === "string" && message && status >= 400 && status < 500 && status !== 401;
  return { ok: false, message: useServer ? message : uploadErrorMessage(status) };
}

/** PUTs the file's bytes; XHR rather than fetch because only XHR reports upload progress. */
export function uploadCover(
  courseId: string,
  file: Blob,
  onProgress: (fraction: number) => void,
): { done: Promise<{ coverImageUrl: string; updatedAt: string | undefined }>; abort: () => void } {
  const put = xhrPut(`/api/courses/${encodeURIComponent(courseId)}/cover`, file, {
    contentType: file.type || "application/octet-stream",
    onProgress: (loaded, total) => total > 0 && onProgress(loaded / total),
  });
  const done = put.done.then(
    ({ status, text }) => {
      const outcome = readUploadResponse(status, text);
      if (!outcome.ok) throw new Error(outcome.message);
      return { coverImageUrl: outcome.coverImageUrl, updatedAt: outcome.updatedAt };
    },
    (error: unknown) => {
      const aborted = error instanceof XhrInterrupted && error.reason === "aborted";
      throw new Error(aborted ? t`Upload cancelled.` : uploadErrorMessage(0));
    },
  );
  return { done, abort: put.abort };
}
