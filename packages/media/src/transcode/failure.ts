import type { Database } from "@lumen/db";
import { videoAssets } from "@lumen/db/schema";
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { MediaRejectedError, readableFailure } from "../ffmpeg/errors";

/** What the instructor reads when a transient failure outlived every retry. */
export const RETRIES_EXHAUSTED_REASON =
  "Processing failed after several attempts. Try uploading again.";

/** Ends a queued or processing asset in `failed`; a ready or cancelled one keeps its state. */
export async function markAssetFailed(db: Database, assetId: string, reason: string) {
  const now = new Date();
  await db
    .update(videoAssets)
    .set({ status: "failed", failureReason: reason, failedAt: now, updatedAt: now })
    .where(and(eq(videoAssets.id, assetId), inArray(videoAssets.status, ["queued", "processing"])));
}

const working = (assetId: string) =>
  and(eq(videoAssets.id, assetId), inArray(videoAssets.status, ["queued", "processing"]));

/**
 * Remembers a failed attempt that will be retried, so the editor can say "attempt 2 of 4
 * failed: …" instead of showing 0 % while the job waits for its next try.
 */
async function recordFailedAttempt(
  db: Database,
  assetId: string,
  failure: { lastError: string; failedAttempts: number; maxAttempts: number | null },
) {
  const now = new Date();
  await db
    .update(videoAssets)
    .set({ ...failure, lastErrorAt: now, updatedAt: now })
    .where(working(assetId));
}

/** A step succeeded: an earlier attempt's error no longer describes where the asset is. */
export async function clearFailedAttempts(db: Database, assetId: string) {
  await db
    .update(videoAssets)
    .set({ lastError: null, lastErrorAt: null, failedAttempts: 0, maxAttempts: null })
    .where(and(eq(videoAssets.id, assetId), isNotNull(videoAssets.lastError)));
}

export interface Rejected {
  outcome: "rejected";
  reason: string;
}

/**
 * Settles an error from a transcode step. Invalid media is terminal: the asset fails with the
 * readable reason and the job completes (a retry would fail the same way). Anything else is
 * rethrown so pg-boss retries it with backoff; on the last attempt the asset fails first, so
 * the instructor is not left watching "processing" forever.
 */
export async function settleTranscodeError({
  db,
  assetId,
  error,
  attempt = 0,
  maxAttempts = null,
  finalAttempt,
}: {
  db: Database;
  assetId: string;
  error: unknown;
  /** 0-based, as the runner counts. */
  attempt?: number;
  maxAttempts?: number | null;
  finalAttempt: boolean;
}): Promise<Rejected> {
  if (error instanceof MediaRejectedError) {
    await markAssetFailed(db, assetId, error.reason);
    return { outcome: "rejected", reason: error.reason };
  }
  const failure = { lastError: readableFailure(error), failedAttempts: attempt + 1, maxAttempts };
  // The original error is the one worth reporting (rethrown below), not failed bookkeeping.
  await recordFailedAttempt(db, assetId, failure).catch(() => {});
  if (finalAttempt) await markAssetFailed(db, assetId, RETRIES_EXHAUSTED_REASON).catch(() => {});
  throw error;
}
