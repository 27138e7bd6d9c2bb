import { spawnSync } from "node:child_process";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveFfmpeg } from "./binaries";

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "lumen-binaries-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("resolveFfmpeg", () => {
  it("finds the system ffmpeg and ffprobe on PATH", () => {
    const cfg = resolveFfmpeg();
    expect(cfg.ffmpegPath).toMatch(/\/ffmpeg$/);
    expect(cfg.ffprobePath).toMatch(/\/ffprobe$/);
  });

  it("names FFMPEG_PATH when ffmpeg is not on the search path", () => {
    expect(() => resolveFfmpeg({ searchPath: dir, bundled: false })).toThrow(/FFMPEG_PATH/);
  });

  it("falls back to the npm-shipped static build when PATH has no FFmpeg", async () => {
    const cfg = resolveFfmpeg({ searchPath: dir });
    expect(cfg.ffmpegPath).toMatch(/@ffmpeg-installer\/[a-z0-9-]+\/ffmpeg(\.exe)?$/);
    expect(cfg.ffprobePath).toMatch(/@ffprobe-installer\/[a-z0-9-]+\/ffprobe(\.exe)?$/);
    const run = spawnSync(cfg.ffprobePath, ["-version"], { encoding: "utf8" });
    expect(run.stdout).toMatch(/^ffprobe version/);
  });

  it("names FFPROBE_PATH when only ffprobe is missing", async () => {
    const fake = join(dir, "ffmpeg");
    await writeFile(fake, "#!/bin/sh\n");
    await chmod(fake, 0o755);
    expect(() => resolveFfmpeg({ searchPath: dir, bundled: false })).toThrow(/FFPROBE_PATH/);
    expect(
      resolveFfmpeg({ searchPath: dir, ffprobePath: resolveFfmpeg().ffprobePath }).ffmpegPath,
    ).toBe(fake);
  });

  it("rejects an override that is not an executable file", async () => {
    const notExecutable = join(dir, "plain");
    await writeFile(notExecutable, "");
    expect(() => resolveFfmpeg({ ffmpegPath: notExecutable })).toThrow(/FFMPEG_PATH=.*plain/);
    expect(() => resolveFfmpeg({ ffprobePath: "/nonexistent/ffprobe" })).toThrow(/FFPROBE_PATH/);
  });
});
