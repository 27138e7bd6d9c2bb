import { defineConfig } from "vitest/config";

export default defineConfig({
  // PGlite boots a WebAssembly Postgres per test file; the seed hashes passwords with scrypt.
  test: { testTimeout: 30_000, hookTimeout: 60_000 },
});
