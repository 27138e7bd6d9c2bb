import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ffprobeStreams, generateClip } from "../testing/clips";
import { testFfmpeg } from "../testing/ffmpeg";
import { encodeHls } from "./encode";
import { MediaRejectedError, TOO_LONG_REASON } from "./errors";
import { planLadder } from "./ladder";
import { probeMedia } from "./probe";

const cfg = testFfmpeg();
let dir = "";
/** 7 s: one full 6 s segment and a short last one per rendition. */
let clip720 = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "lumen-encode-"));
  clip720 = await generateClip(dir, { width: 1280, height: 720, seconds: 7, fps: 24 });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const segmentDurations = async (playlist: string) =>
  [...(await readFile(playlist, "utf8")).matchAll(/^#EXTINF:([\d.]+),/gm)].map((m) => Number(m[1]));

/** Live processes whose command line mentions `marker` (a path only this test uses). */
function processesMentioning(marker: string): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(marker);
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe("encodeHls", () => {
  it("encodes a 720p clip with sound into aligned 360p and 720p HLS renditions", async () => {
    const input = clip720;
    const probe = await probeMedia(cfg, input, "mov");
    const renditions = planLadder(probe);
    const progress: number[] = [];
    const outDir = join(dir, "out-720");
    const encoded = await encodeHls(cfg, {
      input,
      format: "mov",
      outDir,
      renditions,
      hasAudio: true,
      durationSeconds: probe.durationSeconds,
      onProgress: (fraction) => progress.push(fraction),
    });

    expect(encoded.map((r) => [r.name, r.dir])).toEqual([
      ["360p", join(outDir, "360p")],
      ["720p", join(outDir, "720p")],
    ]);
    const durations: number[][] = [];
    for (const [i, rendition] of encoded.entries()) {
      expect(rendition.files).toEqual(["index.m3u8", "seg_00000.ts", "seg_00001.ts"]);
      const streams = await ffprobeStreams(join(rendition.dir, "seg_00000.ts"));
      const video = streams.find((s) => s.codec_type === "video");
      const audio = streams.find((s) => s.codec_type === "audio");
      expect(video).toMatchObject({
        codec_name: "h264",
        width: renditions[i]?.width,
        height: renditions[i]?.height,
      });
      expect(audio).toMatchObject({
        codec_name: "aac",
        profile: "LC",
        sample_rate: 48000,
        channels: 2,
      });
      expect(rendition.codecs).toMatch(/^avc1\.6400[0-9a-f]{2},mp4a\.40\.2$/);
      // The timeline starts at ~0 (not MPEG-TS's default 1.4 s), so WebVTT cues line up.
      expect(video?.start_time).toBeLessThan(0.2);
      expect(audio?.start_time).toBeLessThan(0.2);
      durations.push(await segmentDurations(join(rendition.dir, "index.m3u8")));
      const playlist = await readFile(join(rendition.dir, "index.m3u8"), "utf8");
      expect(playlist).toContain("#EXT-X-PLAYLIST-TYPE:VOD");
      expect(playlist).toContain("#EXT-X-ENDLIST");
    }
    // Keyframes forced at the same instants: both renditions cut the same segments.
    expect(durations[0]).toEqual(durations[1]);
    expect(durations[0]?.[0]).toBeCloseTo(6, 1);
    // The level differs per size, and the string is read from what was written.
    expect(encoded[0]?.codecs).not.toBe(encoded[1]?.codecs);

    expect(progress.length).toBeGreaterThan(1);
    expect(progress.every((f, i) => i === 0 || f > (progress[i - 1] ?? 0))).toBe(true);
    expect(progress.at(-1)).toBe(1);
  });

  it("encodes a source without sound into video-only renditions", async () => {
    const input = await generateClip(dir, {
      width: 640,
      height: 360,
      seconds: 3,
      audio: false,
      name: "silent.mkv",
    });
    const [only] = await encodeHls(cfg, {
      input,
      format: "matroska",
      outDir: join(dir, "out-silent"),
      renditions: planLadder({ width: 640, height: 360, hasAudio: false }),
      hasAudio: false,
      durationSeconds: 3,
    });
    expect(only?.codecs).toMatch(/^avc1\.6400[0-9a-f]{2}$/);
    const streams = await ffprobeStreams(join(only?.dir ?? "", "seg_00000.ts"));
    expect(streams.map((s) => s.codec_type)).toEqual(["video"]);
  });

  it("rejects a source that ends long before its declared duration", async () => {
    const input = await generateClip(dir, {
      width: 320,
      height: 240,
      seconds: 2,
      name: "short.ts",
    });
    const run = encodeHls(cfg, {
      input,
      format: "mpegts",
      outDir: join(dir, "out-short"),
      renditions: planLadder({ width: 320, height: 240, hasAudio: true }),
      hasAudio: true,
      durationSeconds: 20,
    });
    await expect(run).rejects.toMatchObject({
      name: "MediaRejectedError",
      reason: expect.stringMatching(/incomplete/),
    });
  });

  it("kills ffmpeg at the timeout and rejects the media as too slow", async () => {
    const input = clip720;
    const outDir = join(dir, "out-timeout");
    const started = Date.now();
    const run = encodeHls(cfg, {
      input,
      format: "mov",
      outDir,
      renditions: planLadder({ width: 1280, height: 720, hasAudio: true }),
      hasAudio: true,
      durationSeconds: 7,
      timeoutMs: 400,
    });
    await expect(run).rejects.toBeInstanceOf(MediaRejectedError);
    await expect(run).rejects.toMatchObject({ reason: TOO_LONG_REASON });
    // The reason says the 400 ms timeout fired and no ffmpeg is left: the bound only has to
    // tell "killed at the timeout" from "ran the whole encode", with room for a busy machine.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(processesMentioning(outDir)).toEqual([]);
  });

  it("stops on abort and rethrows the abort", async () => {
    const input = clip720;
    const outDir = join(dir, "out-abort");
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("job cancelled")), 300);
    await expect(
      encodeHls(cfg, {
        input,
        format: "mov",
        outDir,
        renditions: planLadder({ width: 1280, height: 720, hasAudio: true }),
        hasAudio: true,
        durationSeconds: 7,
        signal: controller.signal,
      }),
    ).rejects.toThrow("job cancelled");
    expect(processesMentioning(outDir)).toEqual([]);
  });
});
