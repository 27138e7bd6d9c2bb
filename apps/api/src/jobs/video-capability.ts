import { type CapabilityReport, VIDEO_PROCESSING } from "@lumen/jobs";
import { type FfmpegConfig, type SelfTestResult, selfTestFfmpeg } from "@lumen/media";
import type { Logger } from "../logger";

export interface VideoCapability {
  /** Set only when the binaries passed the self-test: the video queues are served with it. */
  ffmpeg: FfmpegConfig | null;
  /** What this runner tells the others (and the lesson editor) about video processing. */
  report: CapabilityReport;
}

/**
 * Decides at start-up whether this runner processes video: the binaries it resolved must pass
 * the pipeline's self-test. Either way it logs which binaries and why. A runner that cannot
 * leaves the video queues alone (pg-boss keeps the jobs queued for a runner that can), instead
 * of consuming them and burning their retries on a broken FFmpeg.
 */
export async function checkVideoCapability({
  resolved,
  logger,
  selfTest = selfTestFfmpeg,
}: {
  /** The binaries found, or why none were. */
  resolved: { ffmpeg: FfmpegConfig } | { missing: string };
  logger: Pick<Logger, "info" | "error">;
  selfTest?: (cfg: FfmpegConfig) => Promise<SelfTestResult>;
}): Promise<VideoCapability> {
  if ("missing" in resolved) {
    logger.error("video processing unavailable: no FFmpeg", { reason: resolved.missing });
    return unavailable(resolved.missing, null);
  }
  const result = await selfTest(resolved.ffmpeg);
  const binaries = { ffmpeg: result.ffmpeg, ffprobe: result.ffprobe };
  if (!result.ok) {
    logger.error("video processing unavailable: FFmpeg failed its self-test", {
      reason: result.reason,
      ...binaries,
    });
    return unavailable(result.reason, binaries);
  }
  logger.info("video processing ready", { ...binaries, selfTestMs: result.ms });
  return {
    ffmpeg: resolved.ffmpeg,
    report: { capability: VIDEO_PROCESSING, available: true, reason: null, detail: binaries },
  };
}

function unavailable(reason: string, detail: unknown): VideoCapability {
  return {
    ffmpeg: null,
    report: { capability: VIDEO_PROCESSING, available: false, reason, detail },
  };
}
