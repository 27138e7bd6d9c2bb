import type { Bindings } from "../src/env";

// Types `env` / `exports` from "cloudflare:workers" in tests. The pool builds them from the
// repo-root wrangler.toml, and test/bindings.test.ts proves they pass the Worker's validation.
declare global {
  namespace Cloudflare {
    interface Env extends Bindings {}
    interface GlobalProps {
      mainModule: typeof import("../src/index");
    }
  }
}

// What vitest.certificate-db.ts provides (Node side), read in tests with `inject()`.
declare module "vitest" {
  export interface ProvidedContext {
    certificateDatabase: { url: string; wsProxy: string; courseId: string };
    /** A loopback URL nothing listens on: the origin API, stopped. */
    closedOriginUrl: string;
  }
}
