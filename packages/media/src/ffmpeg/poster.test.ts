import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ffprobeStreams, generateClip } from "../testing/clips";
import { testFfmpeg } from "../testing/ffmpeg";
import { MediaRejectedError } from "./errors";
import { renderPoster } from "./poster";

const cfg = testFfmpeg();
let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "lumen-poster-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const isJpeg = (bytes: Buffer) => bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;

describe("renderPoster", () => {
  it("writes a JPEG still at the source size when it is small enough", async () => {
    const input = await generateClip(dir, { width: 640, height: 360, seconds: 2 });
    const output = join(dir, "poster.jpg");
    await renderPoster(cfg, { input, format: "mov", output, atSeconds: 1 });
    expect(isJpeg(await readFile(output))).toBe(true);
    const [still] = await ffprobeStreams(output);
    expect(still).toMatchObject({ codec_name: "mjpeg", width: 640, height: 360 });
  });

  it("shrinks large portrait sources to at most 1280 on the long side", async () => {
    const input = await generateClip(dir, {
      width: 720,
      height: 1440,
      seconds: 1,
      audio: false,
      name: "tall.mkv",
    });
    const output = join(dir, "tall.jpg");
    await renderPoster(cfg, { input, format: "matroska", output, atSeconds: 0.5 });
    const [still] = await ffprobeStreams(output);
    expect(still).toMatchObject({ width: 640, height: 1280 });
  });

  it("falls back to the first frame when asked for a moment past the end", async () => {
    const input = await generateClip(dir, {
      width: 320,
      height: 240,
      seconds: 1,
      name: "short.mp4",
    });
    const output = join(dir, "late.jpg");
    await renderPoster(cfg, { input, format: "mov", output, atSeconds: 30 });
    expect(isJpeg(await readFile(output))).toBe(true);
  });

  it("rejects a file that is not what its format says", async () => {
    const input = await generateClip(dir, { width: 320, height: 240, seconds: 1, name: "real.ts" });
    const output = join(dir, "wrong.jpg");
    await expect(
      renderPoster(cfg, { input, format: "mov", output, atSeconds: 0 }),
    ).rejects.toBeInstanceOf(MediaRejectedError);
  });
});
