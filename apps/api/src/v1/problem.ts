import type { ContentfulStatusCode } from "hono/utils/http-status";

/**
 * RFC 9457 problem details for /api/v1 (ADR 0025). Every error kind has a stable `type`
 * (a URI reference resolved against the API; each is documented at that address) and a fixed
 * title; `detail` says what happened this time. Field errors go in `errors` as
 * `[{ pointer, detail }]`, pointers being JSON Pointers into the request body or `#/query/x`.
 */
export const PROBLEM_TYPES = {
  "bad-request": { status: 400, title: "The request is malformed." },
  validation: { status: 422, title: "The request's fields are not valid." },
  unauthorized: { status: 401, title: "Authentication is required." },
  "insufficient-scope": { status: 403, title: "The API key's scope does not allow this." },
  forbidden: { status: 403, title: "You are not allowed to do this." },
  "not-found": { status: 404, title: "The resource does not exist." },
  conflict: { status: 409, title: "The request conflicts with the current state." },
  "idempotency-key-in-use": {
    status: 409,
    title: "A request with this Idempotency-Key is still being processed.",
  },
  "idempotency-key-reused": {
    status: 422,
    title: "This Idempotency-Key was used with a different request.",
  },
  "precondition-failed": { status: 412, title: "The resource has changed." },
  "payload-too-large": { status: 413, title: "The request body is too large." },
  "unsupported-media-type": { status: 415, title: "The request body must be JSON." },
  "rate-limited": { status: 429, title: "Too many requests." },
  internal: { status: 500, title: "Something went wrong on our side." },
} as const satisfies Record<string, { status: ContentfulStatusCode; title: string }>;

export type ProblemType = keyof typeof PROBLEM_TYPES;

export const PROBLEM_TYPE_BASE = "/api/v1/problems/";

export interface FieldError {
  /** JSON Pointer into the body ("#/course_id") or the query ("#/query/page"). */
  pointer: string;
  detail: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  request_id?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

/** Thrown by v1 handlers and middleware; the v1 error handler renders it. */
export class ProblemError extends Error {
  readonly status: ContentfulStatusCode;
  constructor(
    readonly problemType: ProblemType,
    detail: string,
    readonly extra: { errors?: FieldError[]; headers?: Record<string, string> } & Record<
      string,
      unknown
    > = {},
  ) {
    super(detail);
    this.status = PROBLEM_TYPES[problemType].status;
  }
}

export function problemBody(
  problemType: ProblemType,
  detail: string,
  extensions: Record<string, unknown> = {},
): ProblemBody {
  const { status, title } = PROBLEM_TYPES[problemType];
  return { type: `${PROBLEM_TYPE_BASE}${problemType}`, title, status, detail, ...extensions };
}
