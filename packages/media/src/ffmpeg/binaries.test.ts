import { spawnSync } from "node:child_process";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NPM_BUILD_PATHS } from "../testing/ffmpeg";
import { resolveFfmpeg } from "./binaries";

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "lumen-binaries-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("resolveFfmpeg", () => {
  it("finds the system ffmpeg and ffprobe on PATH, exactly where the shell finds them", () => {
    const shell = (name: string) =>
      spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).stdout.trim();
    expect(shell("ffmpeg")).toMatch(/^\//);
    expect(resolveFfmpeg()).toEqual({
      ffmpegPath: shell("ffmpeg"),
      ffprobePath: shell("ffprobe"),
    });
  });

  it("prefers binaries on the search path to the npm-shipped build", async () => {
    const onPath = await mkdtemp(join(tmpdir(), "lumen-binaries-path-"));
    for (const name of ["ffmpeg", "ffprobe"]) {
      await writeFile(join(onPath, name), "#!/bin/sh\n");
      await chmod(join(onPath, name), 0o755);
    }
    expect(resolveFfmpeg({ searchPath: onPath })).toEqual({
      ffmpegPath: join(onPath, "ffmpeg"),
      ffprobePath: join(onPath, "ffprobe"),
    });
    await rm(onPath, { recursive: true, force: true });
  });

  it("names FFMPEG_PATH when ffmpeg is not on the search path", () => {
    expect(() => resolveFfmpeg({ searchPath: dir, bundled: false })).toThrow(/FFMPEG_PATH/);
  });

  it("falls back to the npm-shipped static build when PATH has no FFmpeg", async () => {
    const cfg = resolveFfmpeg({ searchPath: dir });
    expect(cfg.ffmpegPath).toMatch(NPM_BUILD_PATHS.ffmpeg);
    expect(cfg.ffprobePath).toMatch(NPM_BUILD_PATHS.ffprobe);
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
