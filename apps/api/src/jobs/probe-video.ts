import type { Database } from "@lumen/db";
import { handleJob, type Outbox, probeVideoJob } from "@lumen/jobs";
import { type FfmpegConfig, type MediaStore, probeVideo, type SourceCache } from "@lumen/media";
import type { Logger } from "../logger";

/**
 * Checks an uploaded video and plans its encodes (@lumen/media probeVideo). Invalid media ends
 * the asset `failed` and completes the job; anything else throws, so pg-boss retries it.
 */
export function probeVideoHandler({
  db,
  store,
  outbox,
  ffmpeg,
  logger,
  sources,
}: {
  db: Database;
  store: MediaStore;
  outbox: Outbox;
  ffmpeg: FfmpegConfig;
  sources?: SourceCache;
  logger: Pick<Logger, "info" | "warn">;
}) {
  return handleJob(
    probeVideoJob,
    async ({ assetId }, { attempt, finalAttempt, maxAttempts, signal }) => {
      const result = await probeVideo({
        db,
        store,
        outbox,
        ffmpeg,
        sources,
        assetId,
        signal,
        attempt,
        maxAttempts,
        finalAttempt,
      });
      if (result.outcome === "planned" && result.posterError) {
        logger.warn("video has no poster", { assetId, err: result.posterError });
      }
      logger.info("video probed", { assetId, attempt, ...result });
    },
  );
}
