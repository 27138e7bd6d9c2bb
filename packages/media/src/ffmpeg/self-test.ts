import { join } from "node:path";
import type { FfmpegConfig } from "./binaries";
import { encodeHls } from "./encode";
import { readableFailure } from "./errors";
import { planLadder, type RenditionPlan } from "./ladder";
import { renderPoster } from "./poster";
import { probeMedia } from "./probe";
import { FFMPEG_BASE_ARGS, runProcess, withPrivateTempDir } from "./run";
import { readFileHead, sniffContainer } from "./sniff";

export interface ToolBuild {
  path: string;
  /** The word after "version" in `-version`, e.g. "5.1.8-0+deb12u1" or "N-47683-g0e8eb07980-static". */
  version: string;
}

export type SelfTestResult =
  | { ok: true; ffmpeg: ToolBuild; ffprobe: ToolBuild; ms: number }
  | { ok: false; reason: string; ffmpeg: ToolBuild | null; ffprobe: ToolBuild | null };

const VERSION_TIMEOUT_MS = 15_000;
const SECONDS = 1;
/** Tiny frames: the point is every option of every rung, not the pixels. */
const TEST_SIZE = { width: 320, height: 180 };

async function toolBuild(name: string, path: string): Promise<ToolBuild> {
  const run = await runProcess(path, ["-version"], {
    timeoutMs: VERSION_TIMEOUT_MS,
    captureStdoutBytes: 4096,
  });
  const version = /^\S+ version (\S+)/.exec(run.stdout.toString("utf8"))?.[1];
  if (run.exitCode !== 0 || !version) {
    throw new Error(`${name} -version ${run.exitCode === 0 ? "printed no version" : "failed"}`);
  }
  return { path, version };
}

/** Every rung the ladder can plan (a 1080p source's), with its real options, at tiny sizes. */
function everyRung(): RenditionPlan[] {
  return planLadder({ width: 1920, height: 1080, hasAudio: true }).map((rung) => ({
    ...rung,
    ...TEST_SIZE,
  }));
}

class StepError extends Error {}

async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw new StepError(`${name} failed: ${readableFailure(error)}`, { cause: error });
  }
}

/** A one-second MPEG-TS clip (H.264 + AAC) made by the ffmpeg under test from its own sources. */
async function makeSource(cfg: FfmpegConfig, file: string, signal?: AbortSignal) {
  const size = `${TEST_SIZE.width}x${TEST_SIZE.height}`;
  const run = await runProcess(
    cfg.ffmpegPath,
    [
      ...FFMPEG_BASE_ARGS,
      ...["-f", "lavfi", "-i", `testsrc2=size=${size}:rate=24:duration=${SECONDS}`],
      ...["-f", "lavfi", "-i", `sine=frequency=440:sample_rate=48000:duration=${SECONDS}`],
      ...["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac"],
      ...["-t", String(SECONDS), "-f", "mpegts", "-y", file],
    ],
    { timeoutMs: 60_000, signal },
  );
  if (run.exitCode !== 0) throw new Error(`ffmpeg could not make a test clip: ${run.stderr}`);
}

/**
 * Runs the chosen binaries through the real pipeline once — sniff, probe, poster, an HLS encode
 * with every rung's options, codec read-back — on a one-second clip, so a runner learns at
 * start-up (not from an instructor's failed upload) whether this FFmpeg can do the job.
 * Never throws: a failure comes back as a reason an instructor may read (no paths).
 */
export async function selfTestFfmpeg(
  cfg: FfmpegConfig,
  options: { signal?: AbortSignal } = {},
): Promise<SelfTestResult> {
  const started = performance.now();
  let ffmpeg: ToolBuild | null = null;
  let ffprobe: ToolBuild | null = null;
  try {
    ffmpeg = await step("running ffmpeg", () => toolBuild("ffmpeg", cfg.ffmpegPath));
    ffprobe = await step("running ffprobe", () => toolBuild("ffprobe", cfg.ffprobePath));
    await withPrivateTempDir(async (dir) => {
      const { signal } = options;
      const input = join(dir, "source.ts");
      await step("making a test clip", () => makeSource(cfg, input, signal));
      const sniffed = sniffContainer(await readFileHead(input));
      if (!sniffed.ok) throw new StepError("the test clip was not recognised as MPEG-TS");
      const format = sniffed.format;
      const probe = await step("probing", () => probeMedia(cfg, input, format, { signal }));
      const output = join(dir, "poster.jpg");
      await step("rendering the poster", () =>
        renderPoster(cfg, { input, format, output, atSeconds: SECONDS / 2, signal }),
      );
      const renditions = everyRung();
      await step("encoding HLS", () =>
        encodeHls(cfg, {
          input,
          format,
          outDir: join(dir, "hls"),
          renditions,
          hasAudio: probe.hasAudio,
          durationSeconds: probe.durationSeconds,
          signal,
        }),
      );
    });
    return { ok: true, ffmpeg, ffprobe, ms: Math.round(performance.now() - started) };
  } catch (error) {
    const what = ffmpeg ? `FFmpeg ${ffmpeg.version}` : "FFmpeg";
    const why = error instanceof StepError ? error.message : readableFailure(error);
    return { ok: false, reason: `${what} failed its self-test: ${why}`, ffmpeg, ffprobe };
  }
}
