import { defineConfig } from "vitest/config";

// Real gVisor sandboxes: files one at a time (two cores), generous timeouts for the runs
// that are meant to hit their limits.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
