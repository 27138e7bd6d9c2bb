import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { withI18n } from "../../../../lib/i18n/testing";
import { FailedStatus, ProcessingStatus } from "./VideoStatusView";
import type { VideoSummary } from "./video-api";

const video: VideoSummary = {
  id: "00000000-0000-4000-8000-000000000001",
  status: "processing",
  failureReason: null,
  percent: 0,
  processingUnavailable: null,
  lastAttempt: null,
  originalFilename: "lecture.mp4",
  byteSize: 1_000_000,
  durationSeconds: null,
  width: null,
  height: null,
  createdAt: "2026-01-01T00:00:00.000Z",
  uploadedAt: "2026-01-01T00:00:01.000Z",
  processingStartedAt: "2026-01-01T00:00:02.000Z",
  playableAt: null,
  readyAt: null,
  renditions: [],
  captions: [],
};
const attempt = {
  failed: 2,
  max: 4,
  error: "ffmpeg poster exited with code 1: Option 'force_divisible_by' not found",
  at: "2026-01-01T00:00:09.000Z",
};
/** The text a person reads (markup stripped), plus what a screen reader hears from the bar. */
const read = (element: React.ReactElement) => {
  const html = renderToStaticMarkup(withI18n(element));
  const text = html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
  return { text, html };
};

describe("the video panel while processing", () => {
  it("shows the failed attempt of how many and its error, never 0 % or Queued", () => {
    const { text, html } = read(<ProcessingStatus video={{ ...video, lastAttempt: attempt }} />);
    expect(text).toContain(
      "Attempt 2 of 4 failed: ffmpeg poster exited with code 1: Option 'force_divisible_by' not found.",
    );
    expect(text).toContain("Retrying (attempt 3 of 4)");
    expect(html).toContain('aria-valuetext="Retrying (attempt 3 of 4)"');
    expect(text).not.toMatch(/\b0 %|Queued/);
  });

  it("says video processing is unavailable on this server, and why, while no runner can", () => {
    const held = {
      ...video,
      status: "queued" as const,
      processingUnavailable: "FFmpeg 4.1 failed its self-test: encoding HLS failed",
    };
    const { text } = read(<ProcessingStatus video={held} />);
    expect(text).toContain(
      "Video processing is unavailable on this server: FFmpeg 4.1 failed its self-test: encoding HLS failed",
    );
    expect(text).toContain("On hold");
    expect(text).not.toContain("Queued");
  });

  it("shows the plain percent for a job that is running fine", () => {
    expect(read(<ProcessingStatus video={{ ...video, percent: 42 }} />).text).toContain("42 %");
  });

  it("keeps the last error under a failure after every attempt", () => {
    const failed = {
      ...video,
      status: "failed" as const,
      failureReason: "Processing failed after several attempts. Try uploading again.",
      lastAttempt: { ...attempt, failed: 4 },
    };
    expect(read(<FailedStatus video={failed} />).text).toContain(
      "Last error: Attempt 4 of 4 failed: ffmpeg poster exited",
    );
  });
});
