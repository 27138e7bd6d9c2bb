import { stat } from "node:fs/promises";
import { z } from "zod";
import type { FfmpegConfig } from "./binaries";
import { DAMAGED_REASON, exitError, INCOMPLETE_REASON, MediaRejectedError } from "./errors";
import { demuxerArgs, inputProtocols, runProcess, safeMediaInput } from "./run";
import type { ContainerFormat } from "./sniff";

export interface ProbeResult {
  formatName: string;
  durationSeconds: number;
  /** As displayed: a phone video recorded rotated by 90° reports its upright size. */
  width: number;
  height: number;
  /** Frames per second; 0 when the container does not say. */
  frameRate: number;
  videoCodec: string;
  hasAudio: boolean;
  audioCodec: string | null;
  bitRate: number | null;
}

export const MAX_DURATION_SECONDS = 12 * 60 * 60;
export const MAX_DIMENSION = 8192;
/** Rendition names are `<short side>p` with at least three digits. */
export const MIN_DIMENSION = 100;
const DEFAULT_PROBE_TIMEOUT_MS = 60_000;
const PROBE_OUTPUT_BYTES = 4 * 1024 * 1024;

// ffprobe prints most numbers as strings, and "N/A" when it does not know.
const numeric = z.union([z.number(), z.string()]).transform((value) => {
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
});

const streamSchema = z.object({
  codec_type: z.string(),
  codec_name: z.string().optional(),
  width: z.number().int().optional(),
  height: z.number().int().optional(),
  avg_frame_rate: z.string().optional(),
  r_frame_rate: z.string().optional(),
  bit_rate: numeric.optional(),
  duration: numeric.optional(),
  disposition: z.object({ attached_pic: z.number().optional() }).optional(),
  tags: z.object({ rotate: numeric.optional() }).optional(),
  side_data_list: z.array(z.object({ rotation: numeric.optional() })).optional(),
});

const probeSchema = z.object({
  streams: z.array(streamSchema).default([]),
  format: z.object({
    format_name: z.string(),
    duration: numeric.optional(),
    size: numeric.optional(),
    bit_rate: numeric.optional(),
  }),
});

type Stream = z.infer<typeof streamSchema>;

function rate(value: string | undefined): number {
  const [num, den] = (value ?? "").split("/").map(Number);
  return num && den ? num / den : 0;
}

function isQuarterTurn(stream: Stream): boolean {
  const rotation =
    stream.side_data_list?.find((entry) => entry.rotation !== undefined)?.rotation ??
    stream.tags?.rotate ??
    0;
  return Math.abs(rotation) % 180 === 90;
}

const reject = (reason: string) => new MediaRejectedError(reason);

/**
 * An MP4 whose index promises more sample bytes than the file holds was cut off (the index is
 * at the front, the data is not all there). Stream bit rates come from that index.
 */
function looksTruncated(streams: Stream[], fileBytes: number): boolean {
  const promised = streams.reduce((sum, s) => sum + ((s.bit_rate ?? 0) * (s.duration ?? 0)) / 8, 0);
  return fileBytes < promised * 0.97;
}

/** ffprobe with the demuxer named by sniffing; the media's faults become MediaRejectedError. */
export async function probeMedia(
  cfg: FfmpegConfig,
  file: string,
  format: ContainerFormat,
  options: {
    signal?: AbortSignal;
    timeoutMs?: number;
    /** The input's size, when it is a URL (a source still downloading). */
    bytes?: number;
  } = {},
): Promise<ProbeResult> {
  const args = [
    ...["-hide_banner", "-v", "error", ...inputProtocols(file), ...demuxerArgs(format)],
    ...["-show_format", "-show_streams", "-of", "json", safeMediaInput(file)],
  ];
  const run = await runProcess(cfg.ffprobePath, args, {
    timeoutMs: options.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS,
    signal: options.signal,
    captureStdoutBytes: PROBE_OUTPUT_BYTES,
  });
  if (run.exitCode !== 0) {
    throw exitError("ffprobe", run.exitCode, run.stderr, { mediaByDefault: true });
  }

  let parsed: z.infer<typeof probeSchema>;
  try {
    parsed = probeSchema.parse(JSON.parse(run.stdout.toString("utf8")));
  } catch (cause) {
    throw new MediaRejectedError(DAMAGED_REASON, { cause });
  }
  const { streams, format: container } = parsed;
  const video = streams.find((s) => s.codec_type === "video" && s.disposition?.attached_pic !== 1);
  const audio = streams.find((s) => s.codec_type === "audio");
  if (!video?.codec_name) throw reject("This file has no video in it.");
  const duration = container.duration ?? video.duration ?? 0;
  if (!Number.isFinite(duration) || duration <= 0) {
    throw reject("We could not tell how long this video is; the file may be damaged.");
  }
  if (duration > MAX_DURATION_SECONDS) throw reject("This video is longer than 12 hours.");
  const [width, height] = isQuarterTurn(video)
    ? [video.height ?? 0, video.width ?? 0]
    : [video.width ?? 0, video.height ?? 0];
  if (width > MAX_DIMENSION || height > MAX_DIMENSION) {
    throw reject(`This video is larger than ${MAX_DIMENSION} pixels on a side.`);
  }
  if (width < MIN_DIMENSION || height < MIN_DIMENSION) {
    throw reject(
      `This video is too small: it needs at least ${MIN_DIMENSION} pixels on each side.`,
    );
  }
  if (format === "mov" && looksTruncated(streams, options.bytes ?? (await stat(file)).size)) {
    throw reject(INCOMPLETE_REASON);
  }
  return {
    formatName: container.format_name,
    durationSeconds: duration,
    width,
    height,
    frameRate: rate(video.avg_frame_rate) || rate(video.r_frame_rate),
    videoCodec: video.codec_name,
    hasAudio: audio !== undefined,
    audioCodec: audio?.codec_name ?? null,
    bitRate: container.bit_rate ?? null,
  };
}
