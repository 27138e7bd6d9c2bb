import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateClip } from "../testing/clips";
import { testFfmpeg } from "../testing/ffmpeg";
import { MediaRejectedError } from "./errors";
import { probeMedia } from "./probe";
import { runProcess } from "./run";
import { type ContainerFormat, sniffContainer } from "./sniff";

const cfg = testFfmpeg();
let dir = "";
let elsewhere = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "lumen-probe-"));
  elsewhere = await mkdtemp(join(tmpdir(), "lumen-probe-secret-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(elsewhere, { recursive: true, force: true });
});

async function rejection(file: string, format: ContainerFormat): Promise<string> {
  const error = await probeMedia(cfg, file, format).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MediaRejectedError);
  return error instanceof MediaRejectedError ? error.reason : "";
}

async function halfOf(file: string, name: string): Promise<string> {
  const bytes = await readFile(file);
  const out = join(dir, name);
  await writeFile(out, bytes.subarray(0, Math.floor(bytes.length / 2)));
  return out;
}

describe("probeMedia", () => {
  it("reads duration, size, frame rate and streams of a good clip", async () => {
    const file = await generateClip(dir, { width: 320, height: 240, seconds: 2, fps: 25 });
    const probe = await probeMedia(cfg, file, "mov");
    expect(probe).toMatchObject({
      width: 320,
      height: 240,
      frameRate: 25,
      videoCodec: "h264",
      hasAudio: true,
      audioCodec: "aac",
    });
    expect(probe.formatName).toContain("mp4");
    expect(probe.durationSeconds).toBeCloseTo(2, 1);
    expect(probe.bitRate).toBeGreaterThan(0);
  });

  it("reports a silent Matroska clip as having no audio", async () => {
    const file = await generateClip(dir, {
      width: 320,
      height: 240,
      seconds: 1,
      audio: false,
      name: "silent.mkv",
    });
    const probe = await probeMedia(cfg, file, "matroska");
    expect(probe).toMatchObject({ hasAudio: false, audioCodec: null, width: 320, height: 240 });
  });

  it("rejects an MP4 cut in half whose index was at the end", async () => {
    const whole = await generateClip(dir, {
      width: 320,
      height: 240,
      seconds: 2,
      name: "end-index.mp4",
    });
    const reason = await rejection(await halfOf(whole, "end-index-half.mp4"), "mov");
    expect(reason).toMatch(/incomplete/);
  });

  it("rejects an MP4 cut in half whose index was at the front", async () => {
    const whole = await generateClip(dir, {
      width: 320,
      height: 240,
      seconds: 2,
      name: "front-index.mp4",
      faststart: true,
    });
    await expect(probeMedia(cfg, whole, "mov")).resolves.toMatchObject({ width: 320 });
    const reason = await rejection(await halfOf(whole, "front-index-half.mp4"), "mov");
    expect(reason).toMatch(/incomplete/);
  });

  it("rejects garbage after a valid ftyp box, even though sniffing accepts it", async () => {
    const good = await readFile(await generateClip(dir, { width: 320, height: 240, seconds: 1 }));
    const ftypSize = good.readUInt32BE(0);
    const forged = join(dir, "forged.mp4");
    await writeFile(forged, Buffer.concat([good.subarray(0, ftypSize), randomBytes(64 * 1024)]));
    expect(sniffContainer(await readFile(forged))).toMatchObject({ ok: true, format: "mov" });
    expect(await rejection(forged, "mov")).toMatch(/damaged|incomplete/);
  });

  it("rejects a file with sound but no picture", async () => {
    const audioOnly = join(dir, "audio.m4a");
    const made = await runProcess(
      cfg.ffmpegPath,
      ["-nostdin", "-v", "error", "-f", "lavfi", "-i", "sine=duration=1", "-c:a", "aac", audioOnly],
      { timeoutMs: 30_000 },
    );
    expect(made.exitCode).toBe(0);
    expect(await rejection(audioOnly, "mov")).toBe("This file has no video in it.");
  });

  it("rejects pictures larger than 8192 pixels and smaller than 100 on a side", async () => {
    const wide = await generateClip(dir, {
      width: 8194,
      height: 128,
      seconds: 0.1,
      fps: 10,
      audio: false,
      name: "wide.mkv",
    });
    expect(await rejection(wide, "matroska")).toMatch(/larger than 8192 pixels/);
    const tiny = await generateClip(dir, {
      width: 96,
      height: 96,
      seconds: 0.5,
      audio: false,
      name: "tiny.mp4",
    });
    expect(await rejection(tiny, "mov")).toMatch(/too small/);
  });

  it("rejects a clip read with the wrong demuxer instead of guessing", async () => {
    const mkv = await generateClip(dir, { width: 320, height: 240, seconds: 1, name: "real.mkv" });
    expect(await rejection(mkv, "mov")).toMatch(/damaged|incomplete/);
  });
});

describe("a crafted HLS playlist disguised as video.mp4", () => {
  async function setup() {
    // A real clip in a directory outside the job's, made to look untouched for days so any
    // read moves its access time (relatime updates an atime older than 24 h).
    const secret = await generateClip(elsewhere, {
      width: 160,
      height: 120,
      seconds: 1,
      name: "secret.ts",
    });
    const longAgo = new Date(Date.now() - 3 * 24 * 3600 * 1000);
    await utimes(secret, longAgo, longAgo);
    const text = `#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:1,\nfile://${secret}\n#EXTINF:1,\n${secret}\n#EXT-X-ENDLIST\n`;
    const playlist = join(dir, "video.mp4");
    // The same playlist under its own extension, for the control: FFmpeg builds from 2023 on
    // no longer auto-detect HLS behind a video extension (the npm-shipped ffprobe is one).
    const honest = join(dir, "video.m3u8");
    await Promise.all([writeFile(playlist, text), writeFile(honest, text)]);
    const atime = async () => (await stat(secret)).atimeMs;
    return { playlist, honest, before: await atime(), atime };
  }

  it("control: an unhardened ffprobe follows a playlist and reads the referenced file", async () => {
    const { honest, before, atime } = await setup();
    const run = await runProcess(cfg.ffprobePath, ["-v", "error", "-show_format", honest], {
      timeoutMs: 30_000,
      captureStdoutBytes: 64 * 1024,
    });
    expect(String(run.stdout)).toContain("format_name=hls");
    expect(await atime()).toBeGreaterThan(before);
  });

  it.each(["mov", "matroska", "avi", "mpegts"] as const)(
    "is rejected when forced through probeMedia as %s, without reading the referenced file",
    async (format) => {
      const { playlist, before, atime } = await setup();
      await rejection(playlist, format);
      expect(await atime()).toBe(before);
    },
  );
});
