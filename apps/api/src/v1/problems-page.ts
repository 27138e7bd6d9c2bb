import { Hono } from "hono";
import { html } from "hono/html";
import type { V1Env } from "./context";
import { problemResponse } from "./errors";
import { PROBLEM_TYPES, ProblemError, type ProblemType } from "./problem";

/** What each error kind means for a client and what to do about it. */
const EXPLANATIONS: Record<ProblemType, string> = {
  "bad-request":
    "The request could not be read, e.g. its body is not valid JSON. Fix the request; retrying it unchanged will fail again.",
  validation:
    "One or more fields are invalid. `errors` lists each as a JSON Pointer (`#/field` in the body, `#/query/name`, `#/path/name`) with what is wrong.",
  unauthorized:
    "No valid credentials: send `Authorization: Bearer <API key>`. The key may be missing, malformed, unknown, revoked or expired; the answer does not say which.",
  "insufficient-scope": "The API key is read-only; POST and PUT need a key with the `write` scope.",
  forbidden:
    "You are authenticated but may not do this (e.g. not enrolled, not the course's instructor).",
  "not-found": "The resource does not exist, or is not visible to you.",
  conflict: "The request conflicts with the resource's state (e.g. no attempts left).",
  "idempotency-key-in-use":
    "A request with the same Idempotency-Key is still running. Retry after it finishes; you will get its stored answer.",
  "idempotency-key-reused":
    "This Idempotency-Key was used with a different request body. Use a new key for a new request.",
  "precondition-failed": "The resource changed since the version your precondition names.",
  "payload-too-large": "The request body is larger than the API accepts.",
  "unsupported-media-type": "Send the request body as `application/json`.",
  "rate-limited":
    "Too many requests for this caller. Wait for `Retry-After` seconds; the `RateLimit-*` headers say how much is left.",
  internal: "Something failed on our side. Retry later; quote `request_id` when you contact us.",
};

const isProblemType = (value: string): value is ProblemType => value in PROBLEM_TYPES;

/** Human-readable pages the problem `type` URIs resolve to (public, no credentials). */
export function problemPages() {
  return new Hono<V1Env>().get("/problems/:type", (c) => {
    const type = c.req.param("type");
    if (!isProblemType(type)) {
      return problemResponse(c, new ProblemError("not-found", `No problem type "${type}".`));
    }
    const { status, title } = PROBLEM_TYPES[type];
    return c.html(
      html`<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>${title} (${type}) · Lumen API</title></head>
  <body>
    <main>
      <h1>${title}</h1>
      <p>Problem type <code>${type}</code>, HTTP status ${status}.</p>
      <p>${EXPLANATIONS[type]}</p>
      <p><a href="/api/v1/docs">API reference</a></p>
    </main>
  </body>
</html>`,
      200,
      { "cache-control": "public, max-age=3600" },
    );
  });
}
