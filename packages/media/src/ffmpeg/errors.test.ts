import { describe, expect, it } from "vitest";
import { exitError, MediaRejectedError, readableFailure } from "./errors";

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

describe("readableFailure", () => {
  it("keeps FFmpeg's first complaint and drops paths and filter addresses", () => {
    const error = exitError(
      "ffmpeg poster",
      1,
      "[Parsed_scale_0 @ 0x9a6fe00] Option 'force_divisible_by' not found\n" +
        "[AVFilterGraph @ 0x99adc00] Error initializing filter 'scale'\n" +
        "/tmp/lumen-media-x/poster.jpg: Option not found",
    );
    expect(readableFailure(error)).toBe(
      "ffmpeg poster exited with code 1: Option 'force_divisible_by' not found",
    );
  });

  it("says a crash is a crash, and hides where the files were", () => {
    const error = exitError("ffprobe", null, "");
    expect(readableFailure(error)).toBe("ffprobe was stopped by a signal (crashed or killed)");
    expect(readableFailure(new Error("could not open /srv/media/x/source.mp4 for reading"))).toBe(
      "could not open … for reading",
    );
  });

  it("gives the media's own reason for a rejection", () => {
    expect(readableFailure(new MediaRejectedError("Not a video."))).toBe("Not a video.");
  });
});
