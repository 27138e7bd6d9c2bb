import { defineConfig } from "vitest/config";

// Each test starts a bench's CLI in a fresh tsx process, which loads the bench's imports
// (a few seconds on a busy 2-core machine): allow for a cold start.
export default defineConfig({
  test: { testTimeout: 60_000 },
});
