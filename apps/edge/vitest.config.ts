import { fileURLToPath } from "node:url";
import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

// Tests run inside workerd with the bindings declared in the repo-root wrangler.toml, so a
// broken binding there fails the suite rather than only `wrangler dev`.
export default defineConfig({
  // One file at a time: the catalog version lives in the pool's single KV namespace, so a purge
  // test running alongside would turn another file's expected HIT into a MISS.
  test: { fileParallelism: false },
  plugins: [
    cloudflareTest({
      wrangler: { configPath: fileURLToPath(new URL("../../wrangler.toml", import.meta.url)) },
    }),
  ],
});
