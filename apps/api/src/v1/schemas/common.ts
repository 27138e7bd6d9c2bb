import { z } from "@hono/zod-openapi";
import { PROBLEM_CONTENT_TYPE } from "../errors";
import { PROBLEM_TYPES, type ProblemType } from "../problem";

export const uuid = (name: string) =>
  z
    .uuid()
    .openapi({ param: { name, in: "path" }, example: "0b9f6a3e-8f9e-4c55-9d2a-6f1c3b2a1e10" });

/** RFC 3339 date-time; services hand over Dates or database text, both with an offset. */
export const timestamp = z
  .string()
  .openapi({ format: "date-time", example: "2026-01-31T09:30:00.000Z" });

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: "/api/v1/problems/not-found" }),
    title: z.string(),
    status: z.number().int().min(400).max(599),
    detail: z.string(),
    instance: z.string().optional(),
    request_id: z.string().optional(),
    errors: z
      .array(
        z.object({
          pointer: z.string().openapi({ example: "#/course_id" }),
          detail: z.string(),
        }),
      )
      .optional(),
  })
  .catchall(z.unknown())
  .openapi("Problem", {
    description:
      "RFC 9457 problem details. `type` resolves to a page describing the error kind; `errors` lists field errors as JSON Pointers into the body (`#/x`), query (`#/query/x`) or path (`#/path/x`).",
  });

const DESCRIPTIONS: Partial<Record<number, string>> = {
  400: "Malformed request (e.g. invalid JSON).",
  401: "Missing, invalid, revoked or expired credentials.",
  403: "Not allowed (scope, role or ownership).",
  404: "No such resource.",
  409: "Conflicts with the current state.",
  412: "Precondition failed.",
  413: "Request body too large.",
  415: "Request body must be JSON.",
  422: "Invalid fields; see `errors`.",
  429: "Too many requests; see `Retry-After`.",
  500: "Unexpected server error.",
};

const problemContent = { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } };

const RETRY_AFTER = {
  "Retry-After": {
    description: "Seconds to wait before retrying.",
    schema: { type: "integer" as const },
  },
};

/** Problem responses for the given statuses, each described once. */
export function problems(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: DESCRIPTIONS[status] ?? "Error.",
        ...(status === 429 ? { headers: RETRY_AFTER } : {}),
        content: problemContent,
      },
    ]),
  ) as Record<
    string,
    { description: string; headers?: typeof RETRY_AFTER; content: typeof problemContent }
  >;
}

/** POST and PUT: retries with the same key replay the first answer for 24 h (header names are case-insensitive; Hono hands them over lower-cased). */
export const IdempotencyHeaders = z.object({
  "idempotency-key": z.string().optional().openapi({
    description:
      "A unique key per intended effect (e.g. a UUID). The same key and body within 24 h replays the stored answer; the same key with another body is 422 `idempotency-key-reused`; while the first request runs, 409 `idempotency-key-in-use`.",
    example: "5f0c6f36-3c2b-4c52-9d0e-1f1d2a3b4c5d",
  }),
});

/** What every authenticated operation may answer besides its own results. */
export const AUTH_PROBLEMS = [401, 429, 500] as const;
export const WRITE_PROBLEMS = [400, 401, 403, 409, 413, 415, 422, 429, 500] as const;

export const problemTypes = Object.keys(PROBLEM_TYPES) as ProblemType[];

export const headers = {
  link: {
    description:
      'RFC 8288 page links (origin-relative): first, prev, next, last, e.g. `</api/v1/courses?page=2>; rel="next"`.',
    schema: { type: "string" as const },
  },
  etag: {
    description: "Entity tag; send it as `If-None-Match` to get 304.",
    schema: { type: "string" as const },
  },
  location: {
    description: "URL of the created or queued resource.",
    schema: { type: "string" as const },
  },
};

/** Every GET: a matching If-None-Match gets an empty 304. */
export const NOT_MODIFIED = {
  304: { description: "Not modified: `If-None-Match` matched the current ETag." },
};
