import { describe, expect, it } from "vitest";
import { announcement, renditionLabel, videoBadgeText } from "./video-status-text";

const rendition = { width: 1280, height: 720, readyAt: null };

describe("video editor wording", () => {
  it("labels each rendition by its state", () => {
    expect(renditionLabel({ ...rendition, name: "360p", status: "ready", progress: 100 })).toBe(
      "360p ready",
    );
    expect(
      renditionLabel({ ...rendition, name: "720p", status: "processing", progress: 45.7 }),
    ).toBe("720p 45 %");
    expect(renditionLabel({ ...rendition, name: "1080p", status: "pending", progress: 0 })).toBe(
      "1080p waiting",
    );
  });

  it("announces what changed: the upload first, then processing", () => {
    const uploading = {
      filename: "a.mp4",
      snapshot: { phase: "uploading" as const, problem: null },
    };
    const latest = { status: "processing" as const, playableAt: null, failureReason: null };
    expect(announcement(uploading, latest)).toBe("Uploading a.mp4.");
    expect(announcement(null, latest)).toBe("Processing the video.");
    expect(announcement(null, { ...latest, playableAt: "2026-01-01T00:00:00Z" })).toMatch(
      /^Playable now/,
    );
    expect(
      announcement(null, { status: "failed", playableAt: null, failureReason: "Not a video." }),
    ).toBe("Processing failed. Not a video.");
    expect(announcement(null, null)).toBe("");
  });

  it("sums a lesson's video up for its outline row", () => {
    expect(videoBadgeText(null)).toBe("No video yet");
    expect(videoBadgeText({ status: "processing", percent: 45 })).toBe("Processing 45 %");
    expect(videoBadgeText({ status: "ready", percent: 100 })).toBe("Ready");
    expect(videoBadgeText({ status: "cancelled", percent: 0 })).toBe("No video yet");
  });
});
