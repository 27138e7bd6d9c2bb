import { videoAssets } from "@lumen/db";
import { type Outbox, probeVideoJob } from "@lumen/jobs";
import { and, eq } from "drizzle-orm";
import { ConflictError } from "../kernel";
import { assertCanEditAsset } from "./access";
import { loadVideoSummary } from "./summary";
import type { VideoDeps, VideoSummary } from "./types";

/**
 * Called once the edge has assembled the upload: checks the stored source has exactly the
 * announced size, then queues processing. The status change and the probe job commit together
 * (the outbox), and only the call that moves the asset out of `uploading` enqueues, so
 * retries and concurrent calls start processing once. Later calls return the current state.
 */
export async function completeUpload({
  db,
  user,
  media,
  outbox,
  input,
}: VideoDeps & { outbox: Outbox; input: { assetId: string } }): Promise<VideoSummary> {
  const asset = await assertCanEditAsset(db, user, input.assetId);
  if (asset.status === "cancelled") {
    throw new ConflictError("This upload was cancelled. Choose the file again to upload it.");
  }
  if (asset.status !== "uploading") return loadVideoSummary(db, asset.id);

  const source = await media.store.head(asset.id, "source");
  if (!source || source.size !== asset.byteSize) {
    throw new ConflictError("The upload is not complete yet.");
  }
  await db.transaction(async (tx) => {
    const now = new Date();
    const [queued] = await tx
      .update(videoAssets)
      .set({ status: "queued", uploadedAt: now, updatedAt: now })
      .where(and(eq(videoAssets.id, asset.id), eq(videoAssets.status, "uploading")))
      .returning({ id: videoAssets.id });
    if (queued) await outbox.enqueue(tx, probeVideoJob, { assetId: asset.id });
  });
  return loadVideoSummary(db, asset.id);
}
