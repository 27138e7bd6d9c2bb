import type { MiddlewareHandler } from "hono";
import type { V1Env } from "../context";

/** The middleware every operation declares after authentication and the rate limit. */
export interface Guards {
  /** GET: the `read` scope. */
  read: MiddlewareHandler<V1Env>[];
  /** Privileged GET: `read`, and a session's user re-read from the database. */
  privileged: MiddlewareHandler<V1Env>[];
  /** POST/PUT: the `write` scope, then the Idempotency-Key replay. */
  write: MiddlewareHandler<V1Env>[];
}
