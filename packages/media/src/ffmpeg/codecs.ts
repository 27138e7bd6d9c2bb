import type { FfmpegConfig } from "./binaries";
import { exitError } from "./errors";
import { FFMPEG_BASE_ARGS, hardenedInput, runProcess } from "./run";

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

/**
 * `mp4a.40.N` from the first ADTS header of an AAC stream: its 2-bit profile field is the
 * MPEG-4 audio object type minus one (LC → 2).
 */
export function aacCodecFromAdts(stream: Uint8Array): string | null {
  for (let i = 0; i + 2 < stream.length; i++) {
    const sync = stream[i] === 0xff && ((stream[i + 1] ?? 0) & 0xf6) === 0xf0;
    if (!sync) continue;
    return `mp4a.40.${(((stream[i + 2] ?? 0) >> 6) & 0x3) + 1}`;
  }
  return null;
}

/**
 * The first frame of one stream of a segment, remuxed as-is (`-c copy`) to a raw bitstream.
 * ffmpeg reads the segment rather than ffprobe: this works the same on every build, and the
 * bytes say exactly what was written.
 */
async function firstFrame(cfg: FfmpegConfig, segment: string, stream: "v" | "a") {
  const [frames, format] = stream === "v" ? ["-frames:v", "h264"] : ["-frames:a", "adts"];
  const run = await runProcess(
    cfg.ffmpegPath,
    [
      ...FFMPEG_BASE_ARGS,
      ...hardenedInput("mpegts", segment),
      ...["-map", `0:${stream}:0`, "-c", "copy", frames, "1", "-f", format, "pipe:1"],
    ],
    { timeoutMs: TIMEOUT_MS, captureStdoutBytes: FIRST_FRAME_BYTES },
  );
  if (run.exitCode !== 0) throw exitError("ffmpeg (codec string)", run.exitCode, run.stderr);
  return run.stdout;
}

async function videoCodec(cfg: FfmpegConfig, segment: string): Promise<string> {
  // The SPS of the first frame carries the profile, constraints and level.
  const codec = avcCodecFromAnnexB(await firstFrame(cfg, segment, "v"));
  if (!codec) throw new Error("encoded segment has no H.264 sequence parameter set");
  return codec;
}

async function audioCodec(cfg: FfmpegConfig, segment: string): Promise<string> {
  const codec = aacCodecFromAdts(await firstFrame(cfg, segment, "a"));
  if (!codec) throw new Error("encoded segment has no AAC (ADTS) audio frame");
  return codec;
}

/** The RFC 6381 CODECS value of an encoded segment, read back from what was written. */
export async function segmentCodecs(
  cfg: FfmpegConfig,
  segment: string,
  hasAudio: boolean,
): Promise<string> {
  const [video, audio] = await Promise.all([
    videoCodec(cfg, segment),
    hasAudio ? audioCodec(cfg, segment) : null,
  ]);
  return audio ? `${video},${audio}` : video;
}
