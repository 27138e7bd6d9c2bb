import { extname, join } from "node:path";
import { z } from "zod";
import { runProcess } from "../ffmpeg/run";
import { testFfmpeg } from "./ffmpeg";

/**
 * Test fixtures made on the spot with ffmpeg's lavfi sources (testsrc2 picture + sine tone),
 * so no binary media is committed. The container follows the file name's extension.
 */
export interface ClipOptions {
  width: number;
  height: number;
  seconds: number;
  fps?: number;
  audio?: boolean;
  /** Video bitrate, e.g. "2M"; default: the encoder's own choice. */
  bitrate?: string;
  /** File name inside `dir`; the extension picks the container (.mp4 .mov .mkv .webm .avi .ts). */
  name?: string;
  /** MP4/MOV only: index at the front of the file instead of the end. */
  faststart?: boolean;
}

const TIMEOUT_MS = 120_000;

function codecArgs(ext: string, audio: boolean): string[] {
  const h264 = ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"];
  const aac = audio ? ["-c:a", "aac"] : [];
  switch (ext) {
    case ".mp4":
    case ".m4v":
      return [...h264, ...aac, "-f", "mp4"];
    case ".mov":
      return [...h264, ...aac, "-f", "mov"];
    case ".mkv":
      return [...h264, ...aac, "-f", "matroska"];
    case ".webm":
      return [
        ...["-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "8"],
        ...(audio ? ["-c:a", "libopus"] : []),
        ...["-f", "webm"],
      ];
    case ".avi":
      return ["-c:v", "mpeg4", ...(audio ? ["-c:a", "libmp3lame"] : []), "-f", "avi"];
    case ".ts":
      return [...h264, ...aac, "-f", "mpegts"];
    default:
      throw new Error(`generateClip: no container for "${ext}"`);
  }
}

/** Writes a clip into `dir` and returns its absolute path. */
export async function generateClip(dir: string, options: ClipOptions): Promise<string> {
  const { width, height, seconds, fps = 30, audio = true } = options;
  const file = join(dir, options.name ?? `clip-${width}x${height}.mp4`);
  const ext = extname(file).toLowerCase();
  const args = [
    ...["-nostdin", "-hide_banner", "-v", "error", "-y"],
    ...["-f", "lavfi", "-i", `testsrc2=size=${width}x${height}:rate=${fps}:duration=${seconds}`],
  ];
  if (audio) {
    args.push("-f", "lavfi", "-i", `sine=frequency=440:sample_rate=48000:duration=${seconds}`);
  }
  args.push(...codecArgs(ext, audio), "-t", String(seconds));
  if (options.bitrate) args.push("-b:v", options.bitrate);
  if (options.faststart) args.push("-movflags", "+faststart");
  args.push(file);
  const { ffmpegPath } = testFfmpeg();
  const run = await runProcess(ffmpegPath, args, { timeoutMs: TIMEOUT_MS });
  if (run.exitCode !== 0) throw new Error(`generateClip failed: ${run.stderr}`);
  return file;
}

const streamSchema = z.object({
  index: z.number(),
  codec_type: z.string(),
  codec_name: z.string().optional(),
  profile: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  sample_rate: z.coerce.number().optional(),
  channels: z.number().optional(),
  /** Seconds; where this stream's timeline starts in the file. */
  start_time: z.coerce.number().optional(),
});
export type ProbedStream = z.infer<typeof streamSchema>;

/** ffprobe's view of a file's streams, for assertions on what was actually written. */
export async function ffprobeStreams(file: string): Promise<ProbedStream[]> {
  const { ffprobePath } = testFfmpeg();
  const run = await runProcess(
    ffprobePath,
    ["-hide_banner", "-v", "error", "-show_streams", "-of", "json", file],
    { timeoutMs: TIMEOUT_MS, captureStdoutBytes: 4 * 1024 * 1024 },
  );
  if (run.exitCode !== 0) throw new Error(`ffprobe failed: ${run.stderr}`);
  const parsed = z.object({ streams: z.array(streamSchema) }).parse(JSON.parse(String(run.stdout)));
  return parsed.streams;
}
