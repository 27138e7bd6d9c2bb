import { type Database, videoRenditions } from "@lumen/db";
import { encodeVideoJob, handleJob } from "@lumen/jobs";
import { encodeRenditions, type FfmpegConfig, type MediaStore } from "@lumen/media";
import { asc, eq } from "drizzle-orm";
import type { Logger } from "../logger";

/** The rest of the ladder yields the CPU to the first playable rendition (ADR 0006). */
const LADDER_NICENESS = 10;
/** The lowest rendition and the ladder run side by side on one runner. */
const ENCODE_CONCURRENCY = 2;

/**
 * Encodes one group of renditions (@lumen/media encodeRenditions). The group holding the
 * asset's lowest rendition runs at normal priority, the rest of the ladder under `nice`.
 */
export function encodeVideoHandler({
  db,
  store,
  ffmpeg,
  logger,
}: {
  db: Database;
  store: MediaStore;
  ffmpeg: FfmpegConfig;
  logger: Pick<Logger, "info" | "warn">;
}) {
  return handleJob(
    encodeVideoJob,
    async ({ assetId, renditions }, { attempt, finalAttempt, maxAttempts, signal }) => {
      const [lowest] = await db
        .select({ name: videoRenditions.name })
        .from(videoRenditions)
        .where(eq(videoRenditions.assetId, assetId))
        .orderBy(asc(videoRenditions.bandwidth))
        .limit(1);
      const niceness = lowest && renditions.includes(lowest.name) ? 0 : LADDER_NICENESS;
      const result = await encodeRenditions({
        db,
        store,
        ffmpeg,
        assetId,
        renditions,
        signal,
        attempt,
        maxAttempts,
        finalAttempt,
        niceness,
      });
      if (result.outcome === "encoded" && result.cleanupError) {
        logger.warn("stale video outputs not removed", { assetId, err: result.cleanupError });
      }
      logger.info("video renditions encoded", {
        assetId,
        renditions,
        attempt,
        niceness,
        ...result,
      });
    },
    { concurrency: ENCODE_CONCURRENCY },
  );
}
