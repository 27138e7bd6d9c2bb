import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * A short H.264/AAC MP4 made on the spot (moving test pattern and a tone), so the journey
 * needs no fixture file: 640×360, which the pipeline encodes to a single 360p rendition. 12 s,
 * because a position within 5 s of the end counts as finished and resumes from the start.
 */
export async function makeClip(dir: string, seconds = 12): Promise<string> {
  const path = join(dir, "lesson-clip.mp4");
  await run(process.env.FFMPEG_PATH ?? "ffmpeg", [
    ...["-hide_banner", "-loglevel", "error", "-y"],
    ...["-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25"],
    ...["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000"],
    ...["-t", String(seconds), "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p"],
    ...["-c:a", "aac", "-b:a", "96k", "-shortest", "-movflags", "+faststart", path],
  ]);
  return path;
}
