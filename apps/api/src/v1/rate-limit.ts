import type { MiddlewareHandler } from "hono";
import type { V1Env } from "./context";

export interface RateLimitOptions {
  /** Requests allowed per window per caller (API key, else user). */
  limit: number;
  windowMs: number;
  now?: () => number;
}

/**
 * STUB (contract, issue 15 track "idem"): per-caller request limit for /api/v1. Mounted after
 * authentication. Every answer carries `RateLimit-Limit`, `RateLimit-Remaining`,
 * `RateLimit-Reset` (and `RateLimit-Policy`); over the limit, 429 `rate-limited` with
 * `Retry-After`.
 */
export function rateLimit(_options: RateLimitOptions): MiddlewareHandler<V1Env> {
  return async (_c, next) => {
    await next();
  };
}
