import { t } from "@lingui/core/macro";
import type { VideoSummary } from "./video-api";
import type { UploadSnapshot } from "./video-upload";

/**
 * The words of the video editor's states, apart from the markup so they are tested alone.
 * Called while rendering only, so the global `t` reads the active language.
 */

type Rendition = VideoSummary["renditions"][number];

/** A rendition as a chip: "360p ready", "720p 45 %", "1080p waiting". */
export function renditionLabel(r: Rendition): string {
  const { name } = r;
  if (r.status === "ready") return t`${name} ready`;
  const percent = Math.floor(r.progress);
  if (r.status === "processing") return t`${name} ${percent} %`;
  return t`${name} waiting`;
}

type Waiting = Pick<VideoSummary, "status" | "percent" | "processingUnavailable" | "lastAttempt">;

/** "Video processing is unavailable on this server: …", the runner's own reason. */
export function unavailableText(reason: string): string {
  return t`Video processing is unavailable on this server: ${reason}`;
}

/** "Attempt 1 of 4 failed: …": which attempt failed, out of how many the job gets, and why. */
export function failedAttemptText(attempt: NonNullable<VideoSummary["lastAttempt"]>): string {
  const { failed, max, error } = attempt;
  return max
    ? t`Attempt ${failed} of ${max} failed: ${error}`
    : t`Attempt ${failed} failed: ${error}`;
}

/**
 * What the progress readout says while the video waits or processes. Never "0 %" or "Queued"
 * for a job that is failing or that no runner can take: those say why instead.
 */
export function processingValueText(video: Waiting): string {
  if (video.processingUnavailable) return t`On hold`;
  if (video.lastAttempt) {
    const next = video.lastAttempt.failed + 1;
    const { max } = video.lastAttempt;
    return max ? t`Retrying (attempt ${next} of ${max})` : t`Retrying (attempt ${next})`;
  }
  const { percent } = video;
  return video.status === "queued" ? t`Queued` : t`${percent} %`;
}

/** One sentence per state change, for screen readers (percentages are left to the bars). */
export function announcement(
  active: { filename: string; snapshot: Pick<UploadSnapshot, "phase" | "problem"> } | null,
  latest: Pick<
    VideoSummary,
    "status" | "playableAt" | "failureReason" | "processingUnavailable" | "lastAttempt"
  > | null,
): string {
  if (active) {
    const { phase } = active.snapshot;
    const problem = active.snapshot.problem ?? "";
    const { filename } = active;
    if (phase === "uploading") return t`Uploading ${filename}.`;
    if (phase === "paused") return t`Upload paused. ${problem}`;
    if (phase === "completing") return t`Finishing the upload.`;
    if (phase === "failed") return t`Upload failed. ${problem}`;
    return "";
  }
  const working = latest?.status === "queued" || latest?.status === "processing";
  if (working && latest.processingUnavailable) {
    return unavailableText(latest.processingUnavailable);
  }
  if (working && latest.lastAttempt) {
    const failure = failedAttemptText(latest.lastAttempt);
    return t`${failure}. Retrying.`;
  }
  switch (latest?.status) {
    case "queued":
      return t`Upload complete. Waiting to process the video.`;
    case "processing":
      return latest.playableAt
        ? t`Playable now. The other qualities are still processing.`
        : t`Processing the video.`;
    case "ready":
      return t`The video is ready.`;
    case "failed": {
      const reason = latest.failureReason ?? "";
      return t`Processing failed. ${reason}`;
    }
    default:
      return "";
  }
}

/** A video lesson's state in its outline row. */
export function videoBadgeText(
  video: { status: VideoSummary["status"]; percent: number; retrying?: boolean } | null,
): string {
  if (!video || video.status === "cancelled") return t`No video yet`;
  if (video.retrying) return t`Retrying`;
  const { percent } = video;
  switch (video.status) {
    case "processing":
      return t`Processing ${percent} %`;
    case "uploading":
      return t`Uploading`;
    case "queued":
      return t`Queued`;
    case "ready":
      return t`Ready`;
    case "failed":
      return t`Failed`;
  }
}
