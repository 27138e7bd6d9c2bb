import type { MiddlewareHandler } from "hono";
import { ApiError } from "./http-errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Every state-changing request (tRPC mutations, REST POST/PUT, auth) must come from the SPA:
 * an Origin other than WEB_ORIGIN is refused, and so is a request that carries cookies but no
 * Origin at all. Browsers send Origin on every such request (fetch, forms, sendBeacon), so a
 * cookie without one is not the SPA. A request with neither cookies nor Origin carries no
 * ambient credentials to abuse (scripts, server-to-server calls) and goes through.
 */
export function requireWebOrigin(webOrigin: string): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const origin = c.req.header("origin");
    if (origin === webOrigin || (origin === undefined && !c.req.header("cookie"))) return next();
    throw new ApiError(403, "FORBIDDEN_ORIGIN", "This request must come from the Lumen app.");
  };
}
