import type { UploadSnapshot } from "../../../../lib/video-upload";
import type { VideoSummary } from "./video-api";

/** The words of the video editor's states, apart from the markup so they are tested alone. */

type Rendition = VideoSummary["renditions"][number];

/** A rendition as a chip: "360p ready", "720p 45 %", "1080p waiting". */
export function renditionLabel(r: Rendition): string {
  if (r.status === "ready") return `${r.name} ready`;
  if (r.status === "processing") return `${r.name} ${Math.floor(r.progress)} %`;
  return `${r.name} waiting`;
}

/** One sentence per state change, for screen readers (percentages are left to the bars). */
export function announcement(
  active: { filename: string; snapshot: Pick<UploadSnapshot, "phase" | "problem"> } | null,
  latest: Pick<VideoSummary, "status" | "playableAt" | "failureReason"> | null,
): string {
  if (active) {
    const { phase, problem } = active.snapshot;
    if (phase === "uploading") return `Uploading ${active.filename}.`;
    if (phase === "paused") return `Upload paused. ${problem ?? ""}`;
    if (phase === "completing") return "Finishing the upload.";
    if (phase === "failed") return `Upload failed. ${problem ?? ""}`;
    return "";
  }
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
  video: { status: VideoSummary["status"]; percent: number } | null,
): string {
  if (!video || video.status === "cancelled") return "No video yet";
  if (video.status === "processing") return `Processing ${video.percent} %`;
  const words = { uploading: "Uploading", queued: "Queued", ready: "Ready", failed: "Failed" };
  return words[video.status];
}
