import { type FfmpegConfig, resolveFfmpeg } from "../ffmpeg/binaries";

/**
 * Which FFmpeg build the media tests run on. The default is the one a runner would pick (the
 * system's, on this machine and in CI); the `npm-ffmpeg` vitest project sets
 * LUMEN_TEST_FFMPEG=npm to run the pipeline tests again as on a machine without a system
 * FFmpeg: nothing on the search path, so resolveFfmpeg falls back to the npm-shipped build.
 */
export const TEST_FFMPEG_BUILD: "system" | "npm" =
  process.env.LUMEN_TEST_FFMPEG === "npm" ? "npm" : "system";

export function testFfmpeg(): FfmpegConfig {
  return TEST_FFMPEG_BUILD === "npm" ? resolveFfmpeg({ searchPath: "" }) : resolveFfmpeg();
}

/** Where each npm-shipped binary lives: the test asserts the fallback really ran these. */
export const NPM_BUILD_PATHS = {
  ffmpeg: /node_modules\/@ffmpeg-installer\/[a-z0-9-]+\/ffmpeg$/,
  ffprobe: /node_modules\/@ffprobe-installer\/[a-z0-9-]+\/ffprobe$/,
};
