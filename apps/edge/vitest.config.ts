import { fileURLToPath } from "node:url";
import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

// Tests run inside workerd with the bindings declared in the repo-root wrangler.toml, so a
// broken binding there fails the suite rather than only `wrangler dev`.
export default defineConfig({
  // One file at a time, for the two cores. The catalog version no longer needs it: each test
  // has its own (catalogKv in test/origin-mock.ts).
  test: {
    fileParallelism: false,
    // The first request of a run pays workerd's cold start (bundle and isolate), which on a busy
    // 2-core machine passes vitest's 5 s default; the tests assert outcomes, not speed.
    testTimeout: 20_000,
    // The same cold start in a file's warm-up hook (vitest's default: 10 s).
    hookTimeout: 30_000,
    // A Postgres and the Neon WebSocket proxy for the certificate fallback (Node side).
    globalSetup: [fileURLToPath(new URL("./vitest.certificate-db.ts", import.meta.url))],
  },
  plugins: [
    cloudflareTest(({ inject }) => {
      const database = inject("certificateDatabase");
      return {
        wrangler: { configPath: fileURLToPath(new URL("../../wrangler.toml", import.meta.url)) },
        // The Worker reaches that Postgres as it would Neon: the driver, over a WebSocket.
        miniflare: { bindings: { DATABASE_URL: database.url, NEON_WS_PROXY: database.wsProxy } },
      };
    }),
  ],
});
