import type { Database } from "@lumen/db";
import type { MiddlewareHandler } from "hono";
import type { V1Env } from "./context";

export interface IdempotencyOptions {
  db: Database;
  /** How long a stored response is replayed (default 24 h). */
  ttlMs?: number;
  /** How long a claim holds before a retry may take it over (a crashed process; default 60 s). */
  lockMs?: number;
  now?: () => Date;
}

/**
 * STUB (contract, issue 15 track "idem"): `Idempotency-Key` for POST and PUT. Mounted after
 * authentication (it reads `c.var.principal`). Replays a stored response for the same key and
 * body, 422 `idempotency-key-reused` for another body, 409 `idempotency-key-in-use` while the
 * first request runs.
 */
export function idempotency(_options: IdempotencyOptions): MiddlewareHandler<V1Env> {
  return async (_c, next) => {
    await next();
  };
}
