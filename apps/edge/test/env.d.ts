import type { Env as EdgeEnv } from "../src/env";

// Types `env` / `exports` from "cloudflare:workers" in tests. The pool builds them from the
// repo-root wrangler.toml, and test/bindings.test.ts proves they match the validated Env.
declare global {
  namespace Cloudflare {
    interface Env extends EdgeEnv {}
    interface GlobalProps {
      mainModule: typeof import("../src/index");
    }
  }
}
