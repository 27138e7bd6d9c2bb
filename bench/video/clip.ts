import { mkdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateClip } from "@lumen/media/testing";

/** The bench's source clip, generated once and kept in the OS temp dir between runs. */
export async function benchClip(o: {
  width: number;
  height: number;
  seconds: number;
  fps: number;
}) {
  const dir = join(tmpdir(), "lumen-bench-video");
  mkdirSync(dir, { recursive: true });
  const name = `source-${o.width}x${o.height}-${o.seconds}s-${o.fps}fps.mp4`;
  const path = join(dir, name);
  try {
    return { path, bytes: statSync(path).size };
  } catch {
    await generateClip(dir, { ...o, audio: true, bitrate: "8M", name });
    return { path, bytes: statSync(path).size };
  }
}
