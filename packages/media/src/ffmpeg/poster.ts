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

async function renderAt(
  cfg: FfmpegConfig,
  o: { input: string; format: ContainerFormat; output: string; signal?: AbortSignal },
  atSeconds: number,
  timeoutMs: number,
): Promise<void> {
  const scale = `scale=w='min(iw,${POSTER_MAX_SIDE})':h='min(ih,${POSTER_MAX_SIDE})':force_original_aspect_ratio=decrease:force_divisible_by=2`;
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
    scale,
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
