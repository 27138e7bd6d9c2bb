import { describe, expect, it } from "vitest";
import { createLogger } from "../logger";
import { checkVideoCapability } from "./video-capability";

describe("checkVideoCapability", () => {
  it("reports video unavailable, with the resolver's message, on a runner with no FFmpeg at all", async () => {
    const lines: string[] = [];
    const logger = createLogger({ write: (line) => lines.push(line) });
    const missing =
      "ffmpeg was not found on PATH. Install FFmpeg (Debian: apt-get install ffmpeg) or set FFMPEG_PATH to the ffmpeg binary.";

    const video = await checkVideoCapability({ resolved: { missing }, logger });

    expect(video).toEqual({
      ffmpeg: null,
      report: { capability: "video", available: false, reason: missing, detail: null },
    });
    expect(JSON.parse(lines[0] ?? "{}")).toMatchObject({
      level: "error",
      msg: "video processing unavailable: no FFmpeg",
      reason: missing,
    });
  });
});
