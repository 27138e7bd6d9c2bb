import { z } from "zod";
import type { FfmpegConfig } from "./binaries";
import { exitError } from "./errors";
import { FFMPEG_BASE_ARGS, hardenedInput, runProcess, safeMediaPath } from "./run";

const TIMEOUT_MS = 30_000;
const FIRST_FRAME_BYTES = 4 * 1024 * 1024;
const H264_SPS = 7;

const hex2 = (byte: number) => byte.toString(16).padStart(2, "0");

/** `avc1.PPCCLL` from the first sequence parameter set in an Annex B H.264 stream. */
export function avcCodecFromAnnexB(stream: Uint8Array): string | null {
  for (let i = 0; i + 6 < stream.length; i++) {
    const startCode = stream[i] === 0 && stream[i + 1] === 0 && stream[i + 2] === 1;
    if (!startCode || ((stream[i + 3] ?? 0) & 0x1f) !== H264_SPS) continue;
    const [profile = 0, constraints = 0, level = 0] = stream.subarray(i + 4, i + 7);
    return `avc1.${hex2(profile)}${hex2(constraints)}${hex2(level)}`;
  }
  return null;
}

/** MPEG-4 audio object types for the AAC profiles ffprobe names. */
const AAC_OBJECT_TYPES: Record<string, number> = { LC: 2, "HE-AAC": 5, "HE-AACv2": 29 };

const segmentStreams = z.object({
  streams: z.array(
    z.object({
      codec_type: z.string(),
      codec_name: z.string().optional(),
      profile: z.string().optional(),
    }),
  ),
});

async function videoCodec(cfg: FfmpegConfig, segment: string): Promise<string> {
  // Remux the first frame to raw H.264: its SPS carries the profile, constraints and level.
  const run = await runProcess(
    cfg.ffmpegPath,
    [
      ...FFMPEG_BASE_ARGS,
      ...hardenedInput("mpegts", segment),
      ...["-map", "0:v:0", "-c", "copy", "-frames:v", "1", "-f", "h264", "pipe:1"],
    ],
    { timeoutMs: TIMEOUT_MS, captureStdoutBytes: FIRST_FRAME_BYTES },
  );
  if (run.exitCode !== 0) throw exitError("ffmpeg (codec string)", run.exitCode, run.stderr);
  const codec = avcCodecFromAnnexB(run.stdout);
  if (!codec) throw new Error("encoded segment has no H.264 sequence parameter set");
  return codec;
}

async function audioCodec(cfg: FfmpegConfig, segment: string): Promise<string | null> {
  const run = await runProcess(
    cfg.ffprobePath,
    [
      ...["-hide_banner", "-v", "error", "-protocol_whitelist", "file", "-f", "mpegts"],
      ...["-show_entries", "stream=codec_type,codec_name,profile", "-of", "json"],
      safeMediaPath(segment),
    ],
    { timeoutMs: TIMEOUT_MS, captureStdoutBytes: 64 * 1024 },
  );
  if (run.exitCode !== 0) throw exitError("ffprobe (codec string)", run.exitCode, run.stderr);
  const { streams } = segmentStreams.parse(JSON.parse(run.stdout.toString("utf8")));
  const audio = streams.find((s) => s.codec_type === "audio");
  if (!audio) return null;
  const objectType = audio.codec_name === "aac" ? AAC_OBJECT_TYPES[audio.profile ?? ""] : undefined;
  if (!objectType) throw new Error(`unexpected audio in encoded segment: ${audio.codec_name}`);
  return `mp4a.40.${objectType}`;
}

/** The RFC 6381 CODECS value of an encoded segment, read back from what was written. */
export async function segmentCodecs(cfg: FfmpegConfig, segment: string): Promise<string> {
  const [video, audio] = await Promise.all([videoCodec(cfg, segment), audioCodec(cfg, segment)]);
  return audio ? `${video},${audio}` : video;
}
