import { rm, stat } from "node:fs/promises";
import type { FfmpegConfig } from "./binaries";
import { DAMAGED_REASON, exitError, MediaRejectedError } from "./errors";
import { FFMPEG_BASE_ARGS, hardenedInput, runProcess, safeMediaPath } from "./run";
import type { ContainerFormat } from "./sniff";

const DEFAULT_POSTER_TIMEOUT_MS = 60_000;
/** Posters fill a player, so cap them at 720p-ish in either orientation. */
const POSTER_MAX_SIDE = 1280;

async function hasContent(file: string): Promise<boolean> {
  try {
    return (await stat(file)).size > 0;
  } catch {
    return false;
  }
}

/**
 * Fit inside POSTER_MAX_SIDE², keep the aspect ratio, never upscale, even sides. Spelled out as
 * expressions rather than `force_original_aspect_ratio` + `force_divisible_by` because the
 * latter needs FFmpeg ≥ 4.3 and the npm-shipped fallback build is 4.1.
 */
const fitted = (side: "iw" | "ih") =>
  // Multiply before dividing so exact ratios stay exact (720 × 1280 / 1440 = 640, not 639.99…).
  `2*trunc(min(${side},${side}*${POSTER_MAX_SIDE}/max(iw,ih))/2)`;
const POSTER_SCALE = `scale=w='${fitted("iw")}':h='${fitted("ih")}'`;

async function renderAt(
  cfg: FfmpegConfig,
  o: { input: string; format: ContainerFormat; output: string; signal?: AbortSignal },
  atSeconds: number,
  timeoutMs: number,
): Promise<void> {
  const args = [
    ...FFMPEG_BASE_ARGS,
    // Input-side seek: jumps to the nearest keyframe before decoding instead of decoding up to it.
    "-ss",
    atSeconds.toFixed(3),
    ...hardenedInput(o.format, o.input),
    "-map",
    "0:V:0",
    "-frames:v",
    "1",
    "-vf",
    POSTER_SCALE,
    "-q:v",
    "3",
    "-f",
    "image2",
    "-update",
    "1",
    "-y",
    safeMediaPath(o.output),
  ];
  const run = await runProcess(cfg.ffmpegPath, args, { timeoutMs, signal: o.signal });
  if (run.exitCode !== 0) throw exitError("ffmpeg poster", run.exitCode, run.stderr);
}

/** A JPEG still from `atSeconds` (or the first frame when that is past the last frame). */
export async function renderPoster(
  cfg: FfmpegConfig,
  o: {
    input: string;
    format: ContainerFormat;
    output: string;
    atSeconds: number;
    signal?: AbortSignal;
    timeoutMs?: number;
  },
): Promise<void> {
  const timeoutMs = o.timeoutMs ?? DEFAULT_POSTER_TIMEOUT_MS;
  await rm(o.output, { force: true });
  await renderAt(cfg, o, Math.max(0, o.atSeconds), timeoutMs);
  if (await hasContent(o.output)) return;
  await renderAt(cfg, o, 0, timeoutMs);
  if (!(await hasContent(o.output))) throw new MediaRejectedError(DAMAGED_REASON);
}
