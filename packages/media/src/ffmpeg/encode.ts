import { mkdir, readdir } from "node:fs/promises";
import { join } from "node:path";
import type { FfmpegConfig } from "./binaries";
import { segmentCodecs } from "./codecs";
import { exitError, INCOMPLETE_REASON, MediaRejectedError } from "./errors";
import { MAXRATE_FACTOR, type RenditionPlan } from "./ladder";
import { x264Args } from "./presets";
import { progressTracker } from "./progress";
import { FFMPEG_BASE_ARGS, hardenedInput, runProcess, safeMediaPath } from "./run";
import type { ContainerFormat } from "./sniff";

export interface EncodedRendition {
  name: string;
  /** Absolute; holds index.m3u8 and seg_00000.ts … */
  dir: string;
  /** File names inside `dir`. */
  files: string[];
  /** RFC 6381, e.g. "avc1.64001f,mp4a.40.2", read back from the first segment. */
  codecs: string;
}

export interface EncodeOptions {
  input: string;
  format: ContainerFormat;
  outDir: string;
  renditions: RenditionPlan[];
  hasAudio: boolean;
  durationSeconds: number;
  niceness?: number;
  signal?: AbortSignal;
  timeoutMs?: number;
  onProgress?: (fraction: number) => void;
  /**
   * "vod" (default): ffmpeg writes the playlist as VOD. "event": an EVENT playlist that grows
   * segment by segment and gets its ENDLIST when the encode ends, for uploading while ffmpeg
   * is still writing (transcode/live-rendition.ts).
   */
  playlistType?: "vod" | "event";
}

export const SEGMENT_SECONDS = 6;
/** Keyframes every 2 s in every rendition, so 6 s segments start at the same instants. */
const KEYFRAME_SECONDS = 2;

function filterGraph(renditions: RenditionPlan[]): string {
  // One decode feeds every rendition; bilinear is the cheapest scaler that still looks right
  // when shrinking, and format=yuv420p keeps 10-bit or 4:2:2 sources on a browser-safe profile.
  const scale = (r: RenditionPlan, i: number, from: string) =>
    `${from}scale=${r.width}:${r.height}:flags=bilinear,format=yuv420p[v${i}]`;
  if (renditions.length === 1 && renditions[0]) return scale(renditions[0], 0, "[0:V:0]");
  const splits = renditions.map((_, i) => `[s${i}]`).join("");
  return [
    `[0:V:0]split=${renditions.length}${splits}`,
    ...renditions.map((r, i) => scale(r, i, `[s${i}]`)),
  ].join(";");
}

function renditionArgs(
  r: RenditionPlan,
  i: number,
  dir: string,
  o: Pick<EncodeOptions, "hasAudio" | "playlistType">,
): string[] {
  const { hasAudio } = o;
  const kbps = (bits: number) => `${Math.round(bits / 1000)}k`;
  const args = ["-map", `[v${i}]`];
  if (hasAudio) args.push("-map", "0:a:0");
  args.push(
    ...["-c:v", "libx264", ...x264Args(r), "-profile:v", "high"],
    ...["-b:v", kbps(r.videoBitrate), "-maxrate", kbps(r.videoBitrate * MAXRATE_FACTOR)],
    ...["-bufsize", kbps(r.videoBitrate * 2)],
    ...["-sc_threshold", "0", "-force_key_frames", `expr:gte(t,n_forced*${KEYFRAME_SECONDS})`],
  );
  if (hasAudio) {
    // The default "twoloop" AAC coder costs ~6 CPU-s per minute per rendition here, "fast" half
    // that, with no audible difference for speech at these bitrates.
    args.push("-c:a", "aac", "-aac_coder", "fast", "-b:a", kbps(r.audioBitrate));
    args.push("-ar", "48000", "-ac", "2");
  }
  args.push(
    // MPEG-TS would otherwise start the timeline ~1.4 s in (its default mux delay), and WebVTT
    // cues without an X-TIMESTAMP-MAP are placed from 0: captions would show that much early.
    ...["-muxdelay", "0", "-muxpreload", "0"],
    ...["-f", "hls", "-hls_time", String(SEGMENT_SECONDS)],
    ...["-hls_playlist_type", o.playlistType ?? "vod", "-hls_segment_type", "mpegts"],
    // temp_file: segments and playlist are written under a temporary name and renamed when
    // complete, so a reader of the directory never sees a half-written file, and a segment
    // the playlist names is already whole.
    ...["-hls_flags", "independent_segments+temp_file"],
    ...["-hls_segment_filename", join(dir, "seg_%05d.ts"), join(dir, "index.m3u8")],
  );
  return args;
}

/** Generous unless the caller (the job, which knows its budget) says otherwise. */
function defaultTimeoutMs(durationSeconds: number): number {
  return Math.max(10 * 60_000, durationSeconds * 3_000);
}

/**
 * Encode every planned rendition to HLS (H.264 + AAC, aligned 6 s segments) in ONE ffmpeg
 * process, so the source is decoded once. Each rendition lands in `<outDir>/<name>/`.
 */
export async function encodeHls(cfg: FfmpegConfig, o: EncodeOptions): Promise<EncodedRendition[]> {
  if (o.renditions.length === 0) throw new Error("encodeHls needs at least one rendition");
  const outDir = safeMediaPath(o.outDir);
  const dirs = o.renditions.map((r) => join(outDir, r.name));
  await Promise.all(dirs.map((dir) => mkdir(dir, { recursive: true })));

  const progress = progressTracker(o.durationSeconds, o.onProgress);
  const args = [
    ...FFMPEG_BASE_ARGS,
    ...["-progress", "pipe:1", "-nostats"],
    ...hardenedInput(o.format, o.input),
    ...["-filter_complex", filterGraph(o.renditions)],
    ...o.renditions.flatMap((r, i) => renditionArgs(r, i, dirs[i] ?? outDir, o)),
  ];
  const run = await runProcess(cfg.ffmpegPath, args, {
    timeoutMs: o.timeoutMs ?? defaultTimeoutMs(o.durationSeconds),
    signal: o.signal,
    niceness: o.niceness,
    onStdoutLine: progress.line,
  });
  if (run.exitCode !== 0) throw exitError("ffmpeg encode", run.exitCode, run.stderr);
  // A file cut off mid-way decodes "successfully" up to the cut (ffmpeg only logs it).
  if (progress.encodedSeconds() < o.durationSeconds * 0.9 - 0.5) {
    throw new MediaRejectedError(INCOMPLETE_REASON, { cause: new Error(run.stderr) });
  }

  const encoded = await Promise.all(
    o.renditions.map(async (r, i) => {
      const dir = dirs[i] ?? outDir;
      const files = (await readdir(dir)).filter((f) => !f.endsWith(".tmp")).sort();
      const first = files.find((f) => f.endsWith(".ts"));
      if (!files.includes("index.m3u8") || !first) {
        throw new Error(`ffmpeg wrote no HLS output for ${r.name}`);
      }
      return {
        name: r.name,
        dir,
        files,
        codecs: await segmentCodecs(cfg, join(dir, first), o.hasAudio),
      };
    }),
  );
  progress.finish();
  return encoded;
}
