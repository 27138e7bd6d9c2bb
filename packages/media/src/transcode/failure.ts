import type { Database } from "@lumen/db";
import { videoAssets } from "@lumen/db/schema";
import { and, eq, inArray } from "drizzle-orm";
import { MediaRejectedError } from "../ffmpeg/errors";

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
  finalAttempt,
}: {
  db: Database;
  assetId: string;
  error: unknown;
  finalAttempt: boolean;
}): Promise<Rejected> {
  if (error instanceof MediaRejectedError) {
    await markAssetFailed(db, assetId, error.reason);
    return { outcome: "rejected", reason: error.reason };
  }
  if (finalAttempt) {
    await markAssetFailed(db, assetId, RETRIES_EXHAUSTED_REASON).catch(() => {
      // The original error is the one worth reporting; it is rethrown below.
    });
  }
  throw error;
}
