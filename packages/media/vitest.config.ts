import { defineConfig } from "vitest/config";

// FFmpeg work and real databases: generous timeouts, and files one at a time so encodes
// do not fight over the two cores.
export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    projects: [
      { extends: true, test: { name: "system-ffmpeg", include: ["{src,test}/**/*.test.ts"] } },
      {
        // The same pipeline tests as on a machine with no system FFmpeg: only the npm-shipped
        // build (the README's fallback), so a filter or option it lacks fails here (issue 9).
        extends: true,
        test: {
          name: "npm-ffmpeg",
          include: [
            "src/ffmpeg/{encode,mpegts-names,poster,probe,self-test}.test.ts",
            "test/transcode.test.ts",
            "test/transcode-rejections.test.ts",
            "test/transcode-live.test.ts",
          ],
          env: { LUMEN_TEST_FFMPEG: "npm" },
        },
      },
    ],
  },
});
