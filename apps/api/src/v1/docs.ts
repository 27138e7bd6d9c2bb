import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { Scalar } from "@scalar/hono-api-reference";
import { Hono } from "hono";
import type { V1Env } from "./context";

export const DOCS_BUNDLE_PATH = "/api/v1/docs/scalar.js";

/** Scalar's standalone (UMD) bundle, from node_modules: the page loads nothing from a CDN. */
const bundleFile = fileURLToPath(
  new URL("./browser/standalone.js", import.meta.resolve("@scalar/api-reference")),
);
let bundle: Promise<Buffer> | undefined;

/**
 * The interactive reference. The API's default policy lets nothing run; this page gets its own:
 * scripts only from this origin or with this response's nonce (Scalar's inline start-up), styles
 * inline (Scalar injects them at runtime), requests only to this origin.
 */
function docsPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

export function docsRoutes() {
  return new Hono<V1Env>()
    .get("/docs/scalar.js", async (c) => {
      bundle ??= readFile(bundleFile);
      return c.body(new Uint8Array(await bundle), 200, {
        "content-type": "text/javascript; charset=utf-8",
        "cache-control": "public, max-age=86400",
      });
    })
    .get(
      "/docs",
      Scalar<V1Env>((c) => {
        const nonce = randomBytes(16).toString("base64");
        c.header("content-security-policy", docsPolicy(nonce));
        return {
          url: "/api/v1/openapi.json",
          pageTitle: "Lumen API v1",
          cdn: DOCS_BUNDLE_PATH,
          nonce,
          withDefaultFonts: false,
          hideClientButton: true,
          telemetry: false,
        };
      }),
    );
}
