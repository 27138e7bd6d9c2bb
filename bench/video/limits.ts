/**
 * The limits the video pipeline is compared with, measured in the same run on the same source
 * (issue 17): (a) ONE ffmpeg command producing the same renditions with the same codec settings
 * (encodeHls with the whole ladder: one decode, the same filter graph and x264/AAC options, no
 * niceness, no storage, no jobs), with the moment its lowest rung's first segment is complete;
 * (b) the raw decode speed of the source (`ffmpeg -i src -f null -`).
 */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  encodeHls,
  type FfmpegConfig,
  planLadder,
  probeMedia,
  readFileHead,
  SEGMENT_SECONDS,
  sniffContainer,
} from "@lumen/media";

export interface PipelineLimits {
  /** Wall seconds for one ffmpeg command to write the whole ladder. */
  oneCommandSeconds: number;
  /** Wall seconds until that command's lowest rung listed its first segment. */
  oneCommandFirstSegmentSeconds: number;
  /** Wall seconds to decode the whole source (video and audio) and discard it. */
  decodeSeconds: number;
  /** Source seconds: decodeSeconds × SEGMENT_SECONDS / duration is the first segment's share. */
  durationSeconds: number;
}

export async function measureLimits(ffmpeg: FfmpegConfig, source: string): Promise<PipelineLimits> {
  const sniffed = sniffContainer(await readFileHead(source));
  if (!sniffed.ok) throw new Error(`bench source: ${sniffed.reason}`);
  const probe = await probeMedia(ffmpeg, source, sniffed.format, { timeoutMs: 60_000 });
  const decodeSeconds = await timeDecode(ffmpeg.ffmpegPath, source);
  const dir = await mkdtemp(join(tmpdir(), "lumen-bench-limit-"));
  try {
    const renditions = planLadder(probe);
    const lowest = renditions[0]?.name ?? "";
    const started = performance.now();
    let firstSegment = Number.NaN;
    const watch = setInterval(() => {
      if (!Number.isNaN(firstSegment)) return;
      readFile(join(dir, "out", lowest, "index.m3u8"), "utf8").then(
        (text) => {
          if (/\.ts\s*$/m.test(text) && Number.isNaN(firstSegment)) {
            firstSegment = (performance.now() - started) / 1000;
          }
        },
        () => {},
      );
    }, 50);
    try {
      await encodeHls(ffmpeg, {
        input: source,
        format: sniffed.format,
        outDir: join(dir, "out"),
        renditions,
        hasAudio: probe.hasAudio,
        durationSeconds: probe.durationSeconds,
        // EVENT, as the live rung writes it, so its first segment is listed as soon as it exists.
        playlistType: "event",
      });
    } finally {
      clearInterval(watch);
    }
    return {
      oneCommandSeconds: (performance.now() - started) / 1000,
      oneCommandFirstSegmentSeconds: firstSegment,
      decodeSeconds,
      durationSeconds: probe.durationSeconds,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Share of the raw decode that the first segment's span of the source costs. */
export function firstSegmentDecodeSeconds(l: PipelineLimits): number {
  return (l.decodeSeconds * Math.min(SEGMENT_SECONDS, l.durationSeconds)) / l.durationSeconds;
}

function timeDecode(ffmpegPath: string, source: string): Promise<number> {
  const started = performance.now();
  const args = ["-nostdin", "-hide_banner", "-v", "error", "-i", source, "-f", "null", "-"];
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpegPath, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) resolve((performance.now() - started) / 1000);
      else reject(new Error(`ffmpeg decode exited ${code}: ${stderr.slice(-500)}`));
    });
  });
}
