/**
 * Resumable uploads go to the edge in fixed-size parts (R2 multipart: every part but the last
 * must be the same size and at least 5 MiB). The API states the exact byte size in the upload
 * token; the edge refuses any part that would not add up to it.
 */
export const UPLOAD_PART_BYTES = 8 * 1024 * 1024;
/** R2's limit on parts per multipart upload. */
export const UPLOAD_MAX_PARTS = 10_000;

export function partCount(totalBytes: number, partBytes = UPLOAD_PART_BYTES): number {
  return Math.max(1, Math.ceil(totalBytes / partBytes));
}

/** The exact size part `partNumber` (1-based) must have, or null when there is no such part. */
export function expectedPartSize(
  partNumber: number,
  totalBytes: number,
  partBytes = UPLOAD_PART_BYTES,
): number | null {
  const count = partCount(totalBytes, partBytes);
  if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > count) return null;
  if (partNumber < count) return partBytes;
  return totalBytes - (count - 1) * partBytes;
}
