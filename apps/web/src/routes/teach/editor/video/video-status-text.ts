import type { VideoSummary } from "./video-api";
import type { UploadSnapshot } from "./video-upload";

/** The words of the video editor's states, apart from the markup so they are tested alone. */

type Rendition = VideoSummary["renditions"][number];

/** A rendition as a chip: "360p ready", "720p 45 %", "1080p waiting". */
export function renditionLabel(r: Rendition): string {
  if (r.status === "ready") return `${r.name} ready`;
  if (r.status === "processing") return `${r.name} ${Math.floor(r.progress)} %`;
  return `${r.name} waiting`;
}

type Waiting = Pick<VideoSummary, "status" | "percent" | "processingUnavailable" | "lastAttempt">;

/** "Video processing is unavailable on this server: …", the runner's own reason. */
export function unavailableText(reason: string): string {
  return `Video processing is unavailable on this server: ${reason}`;
}

/** "Attempt 1 of 4 failed: …": which attempt failed, out of how many the job gets, and why. */
export function failedAttemptText(attempt: NonNullable<VideoSummary["lastAttempt"]>): string {
  const of = attempt.max ? ` of ${attempt.max}` : "";
  return `Attempt ${attempt.failed}${of} failed: ${attempt.error}`;
}

/**
 * What the progress readout says while the video waits or processes. Never "0 %" or "Queued"
 * for a job that is failing or that no runner can take: those say why instead.
 */
export function processingValueText(video: Waiting): string {
  if (video.processingUnavailable) return "On hold";
  if (video.lastAttempt) {
    const next = video.lastAttempt.failed + 1;
    const of = video.lastAttempt.max ? ` of ${video.lastAttempt.max}` : "";
    return `Retrying (attempt ${next}${of})`;
  }
  return video.status === "queued" ? "Queued" : `${video.percent} %`;
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
    const { phase, problem } = active.snapshot;
    if (phase === "uploading") return `Uploading ${active.filename}.`;
    if (phase === "paused") return `Upload paused. ${problem ?? ""}`;
    if (phase === "completing") return "Finishing the upload.";
    if (phase === "failed") return `Upload failed. ${problem ?? ""}`;
    return "";
  }
  const working = latest?.status === "queued" || latest?.status === "processing";
  if (working && latest.processingUnavailable) {
    return unavailableText(latest.processingUnavailable);
  }
  if (working && latest.lastAttempt) return `${failedAttemptText(latest.lastAttempt)}. Retrying.`;
  switch (latest?.status) {
    case "queued":
      return "Upload complete. Waiting to process the video.";
    case "processing":
      return latest.playableAt
        ? "Playable now. The other qualities are still processing."
        : "Processing the video.";
    case "ready":
      return "The video is ready.";
    case "failed":
      return `Processing failed. ${latest.failureReason ?? ""}`;
    default:
      return "";
  }
}

/** A video lesson's state in its outline row. */
export function videoBadgeText(
  video: { status: VideoSummary["status"]; percent: number; retrying?: boolean } | null,
): string {
  if (!video || video.status === "cancelled") return "No video yet";
  if (video.retrying) return "Retrying";
  if (video.status === "processing") return `Processing ${video.percent} %`;
  const words = { uploading: "Uploading", queued: "Queued", ready: "Ready", failed: "Failed" };
  return words[video.status];
}
