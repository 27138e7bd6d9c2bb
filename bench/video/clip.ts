import { spawn } from "node:child_process";
import { mkdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateClip, testFfmpeg } from "@lumen/media/testing";

/** Long sources are this clip repeated (stream copy): seconds to make, not minutes of x264. */
const UNIT_SECONDS = 60;

/**
 * The bench's source clip, generated once and kept in the OS temp dir between runs. A length
 * that is a multiple of 60 s above 60 s (`--seconds 600`) is the 60 s clip concatenated with
 * `-c copy`: cheap to make, the same content and bitrate as the 60 s source.
 */
export async function benchClip(o: {
  width: number;
  height: number;
  seconds: number;
  fps: number;
}): Promise<{ path: string; bytes: number }> {
  const dir = join(tmpdir(), "lumen-bench-video");
  mkdirSync(dir, { recursive: true });
  const name = `source-${o.width}x${o.height}-${o.seconds}s-${o.fps}fps.mp4`;
  const path = join(dir, name);
  try {
    return { path, bytes: statSync(path).size };
  } catch {
    if (o.seconds > UNIT_SECONDS && o.seconds % UNIT_SECONDS === 0) {
      const unit = await benchClip({ ...o, seconds: UNIT_SECONDS });
      await concatenate(unit.path, o.seconds / UNIT_SECONDS, path);
    } else {
      await generateClip(dir, { ...o, audio: true, bitrate: "8M", name });
    }
    return { path, bytes: statSync(path).size };
  }
}

async function concatenate(unit: string, times: number, output: string): Promise<void> {
  const list = `${output}.txt`;
  writeFileSync(list, `${Array.from({ length: times }, () => `file '${unit}'`).join("\n")}\n`);
  const partial = `${output}.partial.mp4`;
  const args = ["-nostdin", "-v", "error", "-y", "-f", "concat", "-safe", "0", "-i", list];
  args.push("-c", "copy", partial);
  await new Promise<void>((resolve, reject) => {
    const child = spawn(testFfmpeg().ffmpegPath, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`concatenating the clip failed: ${stderr}`)),
    );
  });
  // Renamed only when whole, so an interrupted run never leaves a short clip in the cache.
  renameSync(partial, output);
}
