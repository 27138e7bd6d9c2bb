import type { Hook } from "@hono/zod-openapi";
import { DomainError, unstorableTextError, ValidationError } from "@lumen/core/kernel";
import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { z } from "zod";
import type { V1Env } from "./context";
import {
  type FieldError,
  PROBLEM_TYPES,
  ProblemError,
  type ProblemType,
  problemBody,
} from "./problem";

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

const TYPE_BY_KIND: Record<DomainError["kind"], ProblemType> = {
  not_found: "not-found",
  forbidden: "forbidden",
  unauthorized: "unauthorized",
  conflict: "conflict",
  validation: "validation",
  rate_limited: "rate-limited",
};

/** Hono's own exceptions (body limit, malformed JSON, media type gate) by status. */
const TYPE_BY_STATUS: Partial<Record<number, ProblemType>> = {
  400: "bad-request",
  401: "unauthorized",
  403: "forbidden",
  404: "not-found",
  413: "payload-too-large",
  415: "unsupported-media-type",
};

/** Renders a problem; error bodies are never cached. */
export function problemResponse(c: Context<V1Env>, error: ProblemError): Response {
  const { errors, headers = {}, ...extensions } = error.extra;
  const body = problemBody(error.problemType, error.message, {
    instance: c.req.path,
    request_id: c.get("requestId"),
    ...(errors && errors.length > 0 ? { errors } : {}),
    ...extensions,
  });
  return new Response(JSON.stringify(body), {
    status: error.status,
    headers: { "content-type": PROBLEM_CONTENT_TYPE, "cache-control": "no-store", ...headers },
  });
}

/** camelCase field names of the domain's inputs as the API's snake_case pointers. */
export const snakeCase = (name: string) => name.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);

function pointerOf(prefix: string, path: ReadonlyArray<PropertyKey>): string {
  const parts = path.map((p) => String(p).replaceAll("~", "~0").replaceAll("/", "~1"));
  return `#${prefix}${parts.map((p) => `/${p}`).join("")}`;
}

/** A zod failure as field errors; `prefix` is "" for the body, "/query" or "/path". */
export function fieldErrorsOf(error: z.ZodError, prefix: string): FieldError[] {
  return error.issues.map((issue) => ({
    pointer: pointerOf(
      prefix,
      issue.path.map((p) => (typeof p === "string" ? snakeCase(p) : p)),
    ),
    detail: issue.message,
  }));
}

export function validationProblem(error: z.ZodError, prefix: string): ProblemError {
  return new ProblemError("validation", "Some fields are not valid; see errors.", {
    errors: fieldErrorsOf(error, prefix),
  });
}

const PREFIX_BY_TARGET: Record<string, string> = {
  json: "",
  query: "/query",
  param: "/path",
  header: "/header",
};

/** zod-openapi's validation hook: a failed body, query or path is a 422 with pointers. */
export const defaultHook: Hook<unknown, V1Env, string, unknown> = (result, c) => {
  if (!result.success) {
    return problemResponse(
      c,
      validationProblem(result.error, PREFIX_BY_TARGET[result.target] ?? ""),
    );
  }
};

/** The one place every /api/v1 error becomes an RFC 9457 answer. */
export function toProblem(error: unknown): ProblemError | null {
  if (error instanceof ProblemError) return error;
  const domain = error instanceof DomainError ? error : unstorableTextError(error);
  if (domain) {
    const errors =
      domain instanceof ValidationError
        ? Object.entries(domain.fieldErrors).flatMap(([field, messages]) =>
            messages.map((detail) => ({
              // Domain field names are dotted paths ("answers.0.questionId").
              pointer: pointerOf("", field.split(".").map(snakeCase)),
              detail,
            })),
          )
        : undefined;
    // Coded problems (e.g. what blocks publishing) travel as an extension, as on tRPC.
    const coded =
      domain instanceof ValidationError && domain.problems.length > 0
        ? { problems: domain.problems }
        : {};
    return new ProblemError(TYPE_BY_KIND[domain.kind], domain.message, { errors, ...coded });
  }
  if (error instanceof z.ZodError) return validationProblem(error, "");
  if (error instanceof HTTPException) {
    const type = TYPE_BY_STATUS[error.status];
    if (type) return new ProblemError(type, error.message || PROBLEM_TYPES[type].title);
  }
  return null;
}

export const onV1Error: ErrorHandler<V1Env> = (error, c) => {
  const problem = toProblem(error);
  if (problem) {
    const res = problemResponse(c, problem);
    // A refused body may still be arriving: close rather than read the rest.
    if (problem.status === 413) res.headers.set("connection", "close");
    return res;
  }
  // The cause goes to the log only; the client gets the request id to quote.
  c.get("log").error("unhandled error", { err: error, path: c.req.path });
  return problemResponse(c, new ProblemError("internal", "Please try again later."));
};

export const onV1NotFound: NotFoundHandler<V1Env> = (c) =>
  problemResponse(c, new ProblemError("not-found", `No route for ${c.req.method} ${c.req.path}.`));
