import type { MiddlewareHandler } from "hono";
import type { V1Env } from "./context";
import { ProblemError } from "./problem";

export interface RateLimitOptions {
  /** Requests allowed per window per caller (API key, else user). */
  limit: number;
  windowMs: number;
  now?: () => number;
  /**
   * Callers remembered at once (default 100 000, a few MB). Idle ones are forgotten first;
   * past the cap the longest-quiet active caller is, which only grants them a fresh burst.
   */
  maxCallers?: number;
}

/**
 * Per-caller request limit for /api/v1 with GCRA (the generic cell rate algorithm): each
 * caller has a "theoretical arrival time" (TAT); a request is allowed when the TAT, pushed
 * on by one emission interval (window / limit), is at most one window ahead of now. That is a
 * sliding limit of `limit` requests per window, bursts included, with one number per caller
 * and no timers. A caller whose TAT has passed is indistinguishable from a new one, so they
 * are forgotten: memory holds only callers active within about the last window.
 *
 * In-process on purpose: a counter shared across processes costs a round trip to a store on
 * every request, and one API process serves today's traffic. With several processes each
 * allows `limit`, so the effective limit is multiplied by their number; the lever then is a
 * shared store (Redis, already in the stack: the same TAT with one atomic script per
 * request), keeping this algorithm and these headers.
 *
 * Every answer carries `RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset` (seconds
 * until the caller's allowance is whole again) and `RateLimit-Policy`; over the limit, 429
 * `rate-limited` with `Retry-After` (seconds until one request is allowed again).
 */
export function rateLimit({
  limit,
  windowMs,
  now = () => Date.now(),
  maxCallers = 100_000,
}: RateLimitOptions): MiddlewareHandler<V1Env> {
  if (!(limit >= 1 && windowMs > 0)) throw new Error("rateLimit needs limit ≥ 1 and windowMs > 0");
  const interval = windowMs / limit;
  const policy = `${limit};w=${Math.ceil(windowMs / 1000)}`;
  /** Caller → TAT (epoch ms). Map order is the order of last update: oldest first. */
  const tats = new Map<string, number>();
  let lastSweep = 0;

  function sweep(at: number) {
    lastSweep = at;
    for (const [caller, tat] of tats) if (tat <= at) tats.delete(caller);
    for (const caller of tats.keys()) {
      if (tats.size < maxCallers) break;
      tats.delete(caller);
    }
  }

  return async (c, next) => {
    const { keyId, user } = c.var.principal;
    const caller = keyId ? `key:${keyId}` : `user:${user.id}`;
    const at = now();
    const known = tats.get(caller);
    if (at - lastSweep >= windowMs || (known === undefined && tats.size >= maxCallers)) {
      sweep(at);
    }

    const tat = Math.max(known ?? at, at);
    const nextTat = tat + interval;
    const allowedFrom = nextTat - windowMs;
    if (at < allowedFrom) {
      throw new ProblemError("rate-limited", `At most ${limit} requests per window; slow down.`, {
        headers: {
          ...headersOf(limit, 0, tat - at, policy),
          "Retry-After": String(Math.max(1, Math.ceil((allowedFrom - at) / 1000))),
        },
      });
    }
    tats.delete(caller);
    tats.set(caller, nextTat);
    const remaining = Math.floor((windowMs - (nextTat - at)) / interval + 1e-9);
    const headers = headersOf(limit, remaining, nextTat - at, policy);
    await next();
    for (const [name, value] of Object.entries(headers)) c.header(name, value);
  };
}

function headersOf(limit: number, remaining: number, untilWholeMs: number, policy: string) {
  return {
    "RateLimit-Limit": String(limit),
    "RateLimit-Remaining": String(Math.max(0, remaining)),
    "RateLimit-Reset": String(Math.max(0, Math.ceil(untilWholeMs / 1000))),
    "RateLimit-Policy": policy,
  };
}
