import { DomainError, unstorableTextError } from "@lumen/core/kernel";
import { httpErrorOf } from "@lumen/trpc";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/**
 * An error a plain HTTP route answers with on purpose: a status, a stable code, a message
 * for people and optional details (e.g. fieldErrors). Routes throw it; `app.onError`
 * renders every error body in one place.
 */
export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(status, { message });
  }
}

export interface RenderedError {
  status: ContentfulStatusCode;
  body: { error: { code: string; message: string; requestId: string } & Record<string, unknown> };
}

/**
 * The API's one JSON error shape for non-tRPC routes: deliberate errors (ApiError), the
 * services' domain errors and text Postgres can't store (mapped exactly as tRPC maps them)
 * and Hono's own 4xx exceptions. Anything else returns null: the caller logs it and answers
 * a generic 500.
 */
export function renderError(error: unknown, requestId: string): RenderedError | null {
  if (error instanceof ApiError) {
    return errorBody(error.status, error.code, error.message, requestId, error.details);
  }
  const domain = error instanceof DomainError ? error : unstorableTextError(error);
  if (domain) {
    const { status, code } = httpErrorOf(domain);
    return errorBody(status as ContentfulStatusCode, code, domain.message, requestId);
  }
  if (error instanceof HTTPException && error.status < 500) {
    return errorBody(error.status, httpCode(error.status), error.message, requestId);
  }
  return null;
}

export const INTERNAL_ERROR_MESSAGE = "Something went wrong on our side.";

function errorBody(
  status: ContentfulStatusCode,
  code: string,
  message: string,
  requestId: string,
  details: Record<string, unknown> = {},
): RenderedError {
  return { status, body: { error: { code, message, requestId, ...details } } };
}

function httpCode(status: number): string {
  if (status === 413) return "PAYLOAD_TOO_LARGE";
  if (status === 400) return "BAD_REQUEST";
  if (status === 401) return "UNAUTHORIZED";
  if (status === 404) return "NOT_FOUND";
  return `HTTP_${status}`;
}
