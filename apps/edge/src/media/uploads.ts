import {
  expectedPartSize,
  type MediaTokenClaims,
  partCount,
  sourceKey,
  UPLOAD_MAX_PARTS,
  UPLOAD_PART_BYTES,
} from "@lumen/media-tokens";
import { EdgeError } from "../errors";
import {
  createSession,
  deletePartRecords,
  deleteSession,
  listParts,
  readSession,
  recordPart,
  type StoredPart,
  type UploadSession,
  writeSession,
} from "./upload-records";

/** What `POST /uploads/:token` answers: enough for the browser to send only what is missing. */
export interface UploadState {
  partBytes: number;
  totalParts: number;
  parts: { partNumber: number; size: number }[];
  uploadedBytes: number;
  completed: boolean;
}

/** A 409 listing thousands of part numbers helps nobody; the count says how many. */
const MAX_LISTED_MISSING_PARTS = 100;

/** Opens the R2 multipart upload on first call; later calls report the parts already stored. */
export async function startUpload(bucket: R2Bucket, claims: MediaTokenClaims) {
  const { assetId, bytes } = claims;
  if (bytes < 1) throw new EdgeError(400, "empty_upload", "An empty file cannot be uploaded.");
  if (partCount(bytes) > UPLOAD_MAX_PARTS) {
    throw new EdgeError(413, "upload_too_large", "This file needs more parts than R2 allows.");
  }
  const session =
    (await readSession(bucket, assetId)) ?? (await openSession(bucket, assetId, bytes));
  assertSameUpload(session, claims);
  const parts = session.completed ? allParts(session) : await listParts(bucket, assetId);
  return stateOf(session, parts);
}

async function openSession(bucket: R2Bucket, assetId: string, bytes: number) {
  const upload = await bucket.createMultipartUpload(sourceKey(assetId), {
    httpMetadata: { contentType: "application/octet-stream" },
  });
  const session = {
    uploadId: upload.uploadId,
    bytes,
    partBytes: UPLOAD_PART_BYTES,
    completed: false,
  };
  if (await createSession(bucket, assetId, session)) return session;
  // Two first calls raced (a double click, two tabs): the other one's session stands.
  await upload.abort().catch(() => {});
  const winner = await readSession(bucket, assetId);
  if (!winner) throw new Error("upload session vanished while it was being created");
  return winner;
}

/** Stores part `partNumber`, exactly `expectedPartSize` bytes long; re-sending replaces it. */
export async function storePart(
  bucket: R2Bucket,
  claims: MediaTokenClaims,
  partNumberParam: string,
  contentLength: string | undefined,
  body: ReadableStream | null,
) {
  const { assetId, bytes } = claims;
  const totalParts = partCount(bytes);
  const partNumber = /^[1-9]\d{0,4}$/.test(partNumberParam) ? Number(partNumberParam) : 0;
  const size = expectedPartSize(partNumber, bytes);
  if (size === null) {
    const range = totalParts === 1 ? "1" : `1 to ${totalParts}`;
    throw new EdgeError(400, "invalid_part", `Part numbers for this upload are ${range}.`);
  }
  assertExactLength(partNumber, size, contentLength);
  const session = await readSession(bucket, assetId);
  if (!session) {
    throw new EdgeError(409, "upload_not_started", "Start the upload before sending parts.");
  }
  assertSameUpload(session, claims);
  if (session.completed) {
    throw new EdgeError(409, "upload_completed", "This upload is already complete.");
  }
  if (!body) throw new EdgeError(400, "empty_part", `Part ${partNumber} has no body.`);
  // R2 needs a stream of known length; FixedLengthStream also stops a body that is not the
  // declared size from being stored.
  const { readable, writable } = new FixedLengthStream(size);
  const [uploaded] = await Promise.all([
    bucket
      .resumeMultipartUpload(sourceKey(assetId), session.uploadId)
      .uploadPart(partNumber, readable),
    body.pipeTo(writable),
  ]);
  await recordPart(bucket, assetId, { partNumber, etag: uploaded.etag, size });
  return { partNumber, size };
}

function assertExactLength(partNumber: number, size: number, header: string | undefined) {
  if (header === undefined) {
    throw new EdgeError(411, "length_required", `Send part ${partNumber} with a Content-Length.`);
  }
  const length = /^\d{1,15}$/.test(header.trim()) ? Number(header) : Number.NaN;
  const message = `Part ${partNumber} must be exactly ${size} bytes; got ${header}.`;
  if (length > size) throw new EdgeError(413, "part_too_large", message);
  if (length !== size) throw new EdgeError(400, "wrong_part_size", message);
}

/**
 * Completes the multipart upload once every part has a record; idempotent, so a client that
 * lost the first answer can simply ask again.
 */
export async function completeUpload(bucket: R2Bucket, claims: MediaTokenClaims) {
  const { assetId, bytes } = claims;
  const session = await readSession(bucket, assetId);
  if (!session) throw new EdgeError(409, "upload_not_started", "Nothing has been uploaded yet.");
  assertSameUpload(session, claims);
  if (session.completed) return completedSize(bucket, assetId);

  const stored = new Map((await listParts(bucket, assetId)).map((p) => [p.partNumber, p]));
  const totalParts = partCount(bytes, session.partBytes);
  const parts: StoredPart[] = [];
  const missing: number[] = [];
  for (let n = 1; n <= totalParts; n++) {
    const part = stored.get(n);
    if (part && part.size === expectedPartSize(n, bytes, session.partBytes)) parts.push(part);
    else missing.push(n);
  }
  if (missing.length > 0) {
    // A concurrent complete may have finished and cleared the records in the meantime.
    if ((await readSession(bucket, assetId))?.completed) return completedSize(bucket, assetId);
    throw new EdgeError(
      409,
      "upload_incomplete",
      `${missing.length} of ${totalParts} parts are missing; send them, then complete again.`,
      { missingParts: missing.slice(0, MAX_LISTED_MISSING_PARTS), missingCount: missing.length },
    );
  }
  const upload = bucket.resumeMultipartUpload(sourceKey(assetId), session.uploadId);
  await upload.complete(parts.map(({ partNumber, etag }) => ({ partNumber, etag })));
  const size = (await bucket.head(sourceKey(assetId)))?.size;
  if (size !== bytes) throw new Error(`completed upload is ${size} bytes, expected ${bytes}`);
  await writeSession(bucket, assetId, { ...session, completed: true });
  await deletePartRecords(bucket, assetId);
  return { size };
}

async function completedSize(bucket: R2Bucket, assetId: string) {
  const source = await bucket.head(sourceKey(assetId));
  if (!source) throw new EdgeError(409, "upload_gone", "The uploaded file no longer exists.");
  return { size: source.size };
}

/** Forgets the upload entirely: multipart upload, records and any completed source. */
export async function abortUpload(bucket: R2Bucket, claims: MediaTokenClaims) {
  const { assetId } = claims;
  const session = await readSession(bucket, assetId);
  if (session && !session.completed) {
    // Already aborted (or expired) is fine: the goal is that nothing of it remains.
    await bucket
      .resumeMultipartUpload(sourceKey(assetId), session.uploadId)
      .abort()
      .catch(() => {});
  }
  await deletePartRecords(bucket, assetId);
  await deleteSession(bucket, assetId);
  await bucket.delete(sourceKey(assetId));
}

/** A token for another size than the session's belongs to a different upload of this asset. */
function assertSameUpload(session: UploadSession, claims: MediaTokenClaims) {
  if (session.bytes !== claims.bytes || session.partBytes !== UPLOAD_PART_BYTES) {
    throw new EdgeError(
      409,
      "upload_mismatch",
      "An upload of a different file is in progress for this video; cancel it first.",
    );
  }
}

function allParts(session: UploadSession): StoredPart[] {
  return Array.from({ length: partCount(session.bytes, session.partBytes) }, (_, i) => ({
    partNumber: i + 1,
    etag: "",
    size: expectedPartSize(i + 1, session.bytes, session.partBytes) ?? 0,
  }));
}

function stateOf(session: UploadSession, parts: StoredPart[]): UploadState {
  return {
    partBytes: session.partBytes,
    totalParts: partCount(session.bytes, session.partBytes),
    parts: parts.map(({ partNumber, size }) => ({ partNumber, size })),
    uploadedBytes: parts.reduce((sum, part) => sum + part.size, 0),
    completed: session.completed,
  };
}
