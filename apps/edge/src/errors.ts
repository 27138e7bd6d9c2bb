import type { ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "./env";

/** The one error body shape the edge returns; never carries a stack or internal detail. */
export interface ErrorBody {
  error: { code: string; message: string };
}

export function errorBody(code: string, message: string): ErrorBody {
  return { error: { code, message } };
}

/**
 * A refusal a route means to send: its status, code and message reach the client as they are,
 * with `details` (e.g. `missingParts`) beside them in the error object.
 */
export class EdgeError extends Error {
  override name = "EdgeError";
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const internalErrorBody = errorBody("internal_error", "Internal server error");

export const notFound: NotFoundHandler<AppEnv> = (c) =>
  c.json(errorBody("not_found", "Not found"), 404);

export const onError: ErrorHandler<AppEnv> = (err, c) => {
  if (err instanceof EdgeError) {
    return c.json({ error: { code: err.code, message: err.message, ...err.details } }, err.status, {
      "cache-control": "no-store",
    });
  }
  // An HTTPException is thrown on purpose by a route, so its message is meant for the client.
  if (err instanceof HTTPException && err.status < 500) {
    return c.json(errorBody(`http_${err.status}`, err.message || "Request failed"), err.status);
  }
  // The stack is for the log only; the route pattern stands in for the path, which may hold a token.
  c.var.log.error("unhandled error", {
    err,
    ...(err instanceof Error && err.stack ? { stack: err.stack } : {}),
  });
  return c.json(internalErrorBody, 500);
};
