import { describe, expect, it } from "vitest";
import { exitError, MediaRejectedError } from "./errors";

describe("exitError", () => {
  it("turns media complaints into readable rejections without paths or ffmpeg output", () => {
    const error = exitError(
      "ffprobe",
      1,
      "[mov @ 0x1] moov atom not found\n/tmp/x/source: Invalid data",
    );
    expect(error).toBeInstanceOf(MediaRejectedError);
    const reason = error instanceof MediaRejectedError ? error.reason : "";
    expect(reason).toMatch(/incomplete/);
    expect(reason).not.toMatch(/tmp|moov|0x/);
  });

  it("keeps machine trouble retryable", () => {
    for (const stderr of [
      "/tmp/x/out/seg_00001.ts: No space left on device",
      "Cannot allocate memory",
    ]) {
      const error = exitError("ffmpeg", 1, stderr);
      expect(error).not.toBeInstanceOf(MediaRejectedError);
      expect(error.message).toContain(stderr.split(": ").at(-1));
    }
    expect(exitError("ffmpeg", null, "Invalid data found")).not.toBeInstanceOf(MediaRejectedError);
  });

  it("rejects the media on an unrecognised complaint only when asked to (ffprobe)", () => {
    expect(exitError("ffmpeg", 1, "something odd")).not.toBeInstanceOf(MediaRejectedError);
    expect(exitError("ffprobe", 1, "something odd", { mediaByDefault: true })).toBeInstanceOf(
      MediaRejectedError,
    );
  });
});
