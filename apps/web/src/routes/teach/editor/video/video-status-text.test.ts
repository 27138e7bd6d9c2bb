import { describe, expect, it } from "vitest";
import "../../../../lib/i18n/testing";
import {
  announcement,
  failedAttemptText,
  processingValueText,
  renditionLabel,
  videoBadgeText,
} from "./video-status-text";

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
    const latest = {
      status: "processing" as const,
      playableAt: null,
      failureReason: null,
      processingUnavailable: null,
      lastAttempt: null,
    };
    expect(announcement(uploading, latest)).toBe("Uploading a.mp4.");
    expect(announcement(null, latest)).toBe("Processing the video.");
    expect(announcement(null, { ...latest, playableAt: "2026-01-01T00:00:00Z" })).toMatch(
      /^Playable now/,
    );
    expect(announcement(null, { ...latest, status: "failed", failureReason: "Not a video." })).toBe(
      "Processing failed. Not a video.",
    );
    expect(announcement(null, null)).toBe("");
  });

  it("sums a lesson's video up for its outline row", () => {
    expect(videoBadgeText(null)).toBe("No video yet");
    expect(videoBadgeText({ status: "processing", percent: 45 })).toBe("Processing 45 %");
    expect(videoBadgeText({ status: "ready", percent: 100 })).toBe("Ready");
    expect(videoBadgeText({ status: "cancelled", percent: 0 })).toBe("No video yet");
  });
});

const attempt = { failed: 1, max: 4, error: "storage unreachable", at: "2026-01-01T00:00:00Z" };
const waiting = {
  status: "queued" as const,
  percent: 0,
  playableAt: null,
  failureReason: null,
  processingUnavailable: null,
  lastAttempt: null,
};

describe("a video that is not moving", () => {
  it("says why no runner takes it instead of Queued", () => {
    const held = { ...waiting, processingUnavailable: "FFmpeg 4.1 failed its self-test: …" };
    expect(processingValueText(held)).toBe("On hold");
    expect(announcement(null, held)).toBe(
      "Video processing is unavailable on this server: FFmpeg 4.1 failed its self-test: …",
    );
  });

  it("says which attempt failed and why instead of 0 % while it waits to retry", () => {
    const retrying = { ...waiting, status: "processing" as const, lastAttempt: attempt };
    expect(processingValueText(retrying)).toBe("Retrying (attempt 2 of 4)");
    expect(failedAttemptText(attempt)).toBe("Attempt 1 of 4 failed: storage unreachable");
    expect(announcement(null, retrying)).toBe(
      "Attempt 1 of 4 failed: storage unreachable. Retrying.",
    );
    expect(videoBadgeText({ status: "processing", percent: 0, retrying: true })).toBe("Retrying");
  });

  it("keeps Queued and the percent for a job that is simply waiting or running", () => {
    expect(processingValueText(waiting)).toBe("Queued");
    expect(processingValueText({ ...waiting, status: "processing", percent: 37 })).toBe("37 %");
  });
});
