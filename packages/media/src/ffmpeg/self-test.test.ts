import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testFfmpeg } from "../testing/ffmpeg";
import { selfTestFfmpeg } from "./self-test";

const cfg = testFfmpeg();
let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "lumen-self-test-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function script(name: string, body: string) {
  const path = join(dir, name);
  await writeFile(path, `#!/bin/sh\n${body}\n`);
  await chmod(path, 0o755);
  return path;
}

describe("selfTestFfmpeg", () => {
  it("passes the build under test through the whole pipeline and names its path and version", async () => {
    const result = await selfTestFfmpeg(cfg);
    expect(result).toMatchObject({
      ok: true,
      ffmpeg: { path: cfg.ffmpegPath, version: expect.stringMatching(/\S/) },
      ffprobe: { path: cfg.ffprobePath, version: expect.stringMatching(/\S/) },
    });
  });

  it("fails with a readable reason when ffmpeg lacks an option the encode uses (stand-in wrapper)", async () => {
    // The real ffmpeg, except that it refuses one option the HLS encode needs, the way an old
    // build refuses what it does not know.
    const ffmpegPath = await script(
      "ffmpeg-without-option",
      `case "$*" in *-force_key_frames*) echo "Unrecognized option 'force_key_frames'." >&2; exit 8;; esac\nexec '${cfg.ffmpegPath}' "$@"`,
    );
    const result = await selfTestFfmpeg({ ...cfg, ffmpegPath });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toMatch(
      /^FFmpeg \S+ failed its self-test: encoding HLS failed: ffmpeg encode exited with code 8: Unrecognized option 'force_key_frames'\.$/,
    );
    expect(result.ffmpeg?.path).toBe(ffmpegPath);
  });

  it("fails without throwing when ffprobe cannot run at all (stand-in script)", async () => {
    const ffprobePath = await script("ffprobe-broken", "exit 127");
    const result = await selfTestFfmpeg({ ...cfg, ffprobePath });
    expect(result).toMatchObject({
      ok: false,
      reason: expect.stringMatching(
        /failed its self-test: running ffprobe failed: ffprobe -version failed$/,
      ),
      ffprobe: null,
    });
  });
});
