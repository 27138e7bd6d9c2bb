import { defineConfig } from "vitest/config";

// FFmpeg work and real databases: generous timeouts, and files one at a time so encodes
// do not fight over the two cores.
export default defineConfig({
  test: { testTimeout: 120_000, hookTimeout: 120_000, fileParallelism: false },
});
