import { videoAssets } from "@lumen/db";
import { and, eq } from "drizzle-orm";
import { ConflictError } from "../kernel";
import { assertCanEditAsset } from "./access";
import { loadVideoSummary } from "./summary";
import type { VideoDeps, VideoSummary } from "./types";

/**
 * Abandons an upload in progress. The browser aborts the multipart upload at the edge with
 * its own token; here the asset only leaves `uploading`, so it can no longer be completed.
 * Once queued, the video is the instructor's to replace, not to cancel.
 */
export async function cancelUpload({
  db,
  user,
  input,
}: Omit<VideoDeps, "media"> & { input: { assetId: string } }): Promise<VideoSummary> {
  const asset = await assertCanEditAsset(db, user, input.assetId);
  const [cancelled] = await db
    .update(videoAssets)
    .set({ status: "cancelled", updatedAt: new Date() })
    .where(and(eq(videoAssets.id, asset.id), eq(videoAssets.status, "uploading")))
    .returning({ id: videoAssets.id });
  const current = await loadVideoSummary(db, asset.id);
  if (!cancelled && current.status !== "cancelled") {
    throw new ConflictError(
      "This video has already been uploaded. Upload another file to replace it.",
    );
  }
  return current;
}
