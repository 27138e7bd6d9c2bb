import { encodeVideoRenditions } from "@lumen/core/video";
import type { Database } from "@lumen/db";
import { encodeVideoJob, handleJob } from "@lumen/jobs";
import type { FfmpegConfig, MediaStore, SourceCache } from "@lumen/media";
import type { Logger } from "../logger";

/** The lowest rendition and the ladder run side by side on one runner. */
const ENCODE_CONCURRENCY = 2;

/**
 * Serves video.encode: one group of renditions (encodeVideoRenditions, @lumen/core/video,
 * which gives the first playable rendition the CPU first).
 */
export function encodeVideoHandler({
  db,
  store,
  ffmpeg,
  logger,
  sources,
}: {
  db: Database;
  store: MediaStore;
  ffmpeg: FfmpegConfig;
  sources?: SourceCache;
  logger: Pick<Logger, "info" | "warn">;
}) {
  return handleJob(
    encodeVideoJob,
    async ({ assetId, renditions }, { attempt, finalAttempt, maxAttempts, signal }) => {
      const result = await encodeVideoRenditions({
        db,
        store,
        ffmpeg,
        sources,
        assetId,
        renditions,
        signal,
        attempt,
        maxAttempts,
        finalAttempt,
      });
      if (result.outcome === "encoded" && result.cleanupError) {
        logger.warn("stale video outputs not removed", { assetId, err: result.cleanupError });
      }
      logger.info("video renditions encoded", { assetId, renditions, attempt, ...result });
    },
    { concurrency: ENCODE_CONCURRENCY },
  );
}
