import {
  fileKey,
  type MediaTokenClaims,
  SINGLE_PUT_UPLOADS,
  type SinglePutUploadPurpose,
} from "@lumen/media-tokens";
import { EdgeError } from "../errors";

/**
 * Stores an assignment attachment or a forum image sent in one request (the token's purpose
 * says which, SINGLE_PUT_UPLOADS): both are small (at most 20 and 5 MiB), so there is no
 * multipart session to resume. The token states the
 * exact size; a body of any other size is refused before a byte is stored, and
 * FixedLengthStream cuts off one that lies about its Content-Length.
 *
 * The object is created once: a second PUT with the same token (a retry after a lost answer,
 * or a learner swapping the bytes after the API checked them) finds it there and is refused,
 * so what the API checked on confirm is what reviewers download. The bytes are stored as
 * `application/octet-stream`: the edge does not judge them; the API reads their first bytes
 * when the upload is confirmed and removes anything that is not the declared type.
 */
export async function storeAttachment(
  bucket: R2Bucket,
  claims: MediaTokenClaims,
  contentLength: string | undefined,
  body: ReadableStream | null,
): Promise<{ size: number }> {
  const { assetId, bytes } = claims;
  const upload = SINGLE_PUT_UPLOADS[claims.purpose as SinglePutUploadPurpose];
  if (!upload) throw new Error(`no single-PUT upload for ${claims.purpose} tokens`);
  if (bytes < 1) throw new EdgeError(400, "empty_upload", "An empty file cannot be uploaded.");
  if (bytes > upload.maxBytes) {
    throw new EdgeError(413, "attachment_too_large", upload.limit);
  }
  assertExactLength(bytes, contentLength);
  if (!body) throw new EdgeError(400, "empty_upload", "The request has no body.");
  const { readable, writable } = new FixedLengthStream(bytes);
  // If R2 refuses the write without reading the whole stream, stop feeding it.
  const refused = new AbortController();
  const [stored] = await Promise.all([
    bucket
      .put(fileKey(upload.file, assetId), readable, {
        httpMetadata: { contentType: "application/octet-stream" },
        onlyIf: new Headers({ "if-none-match": "*" }),
      })
      .then((object) => {
        if (!object) refused.abort();
        return object;
      }),
    body.pipeTo(writable, { signal: refused.signal }).catch((error: unknown) => {
      if (!refused.signal.aborted) throw error;
    }),
  ]);
  if (!stored) {
    throw new EdgeError(409, "already_uploaded", "This file has already been uploaded.");
  }
  return { size: stored.size };
}

function assertExactLength(bytes: number, header: string | undefined) {
  if (header === undefined) {
    throw new EdgeError(411, "length_required", "Send the file with a Content-Length.");
  }
  const length = /^\d{1,15}$/.test(header.trim()) ? Number(header) : Number.NaN;
  const message = `This upload must be exactly ${bytes} bytes; got ${header}.`;
  if (length > bytes) throw new EdgeError(413, "wrong_size", message);
  if (length !== bytes) throw new EdgeError(400, "wrong_size", message);
}
