import { createHash } from "node:crypto";
import type { Database } from "@lumen/db";
import type { Context, MiddlewareHandler } from "hono";
import type { V1Env } from "./context";
import {
  type Claim,
  claimKey,
  completeKey,
  type IdempotentRequest,
  readKey,
  releaseKey,
  type StoredResponse,
} from "./idempotency-store";
import { ProblemError } from "./problem";

export interface IdempotencyOptions {
  db: Database;
  /** How long a stored response is replayed (default 24 h). */
  ttlMs?: number;
  /** How long a claim holds before a retry may take it over (a crashed process; default 60 s). */
  lockMs?: number;
  now?: () => Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** 1–255 printable ASCII characters (Stripe's limit is 255 too). */
const KEY_PATTERN = /^[\x20-\x7e]{1,255}$/;
/** The response headers a replay repeats; the rest (dates, rate limits) describe that moment. */
const REPLAYED_HEADERS = ["content-type", "location"] as const;
/** A key that vanished between our claim and our read (released, expired) is claimed again. */
const CLAIM_ROUNDS = 3;

/**
 * `Idempotency-Key` for POST and PUT (Stripe's semantics, stored in Postgres so every API
 * process sees one key). Mounted after authentication: keys are per caller. The first request
 * with a key claims it and runs; its answer is stored and replayed for `ttlMs` to a retry
 * with the same method, path and body. The same key with another request is 422
 * `idempotency-key-reused`; while the first still runs, 409 `idempotency-key-in-use`.
 *
 * A handler that threw or answered 5xx (or 429) releases the key instead of storing: the
 * failure says nothing about the request, and the client's retry with the same key must be
 * able to succeed. If the failure came after the effect committed, the retry meets a service
 * that is itself idempotent (enrolling twice returns the same enrollment, progress upserts).
 * 4xx answers are stored and replayed: they are the request's deterministic outcome.
 *
 * `lockMs` must exceed the longest a v1 handler runs: a claim older than that is taken to
 * belong to a dead process and a retry takes it over.
 */
export function idempotency({
  db,
  ttlMs = DAY_MS,
  lockMs = 60_000,
  now = () => new Date(),
}: IdempotencyOptions): MiddlewareHandler<V1Env> {
  return async (c, next) => {
    const key = c.req.header("idempotency-key");
    if (key === undefined || (c.req.method !== "POST" && c.req.method !== "PUT")) {
      return next();
    }
    if (!KEY_PATTERN.test(key)) {
      throw new ProblemError(
        "bad-request",
        "Idempotency-Key must be 1 to 255 printable ASCII characters.",
      );
    }
    const body = new Uint8Array(await c.req.arrayBuffer());
    const request: IdempotentRequest = {
      userId: c.var.principal.user.id,
      key,
      method: c.req.method,
      path: c.req.path,
      requestHash: fingerprint(c.req.method, c.req.path, body),
    };
    const timing = { lockMs, ttlMs };

    for (let round = 0; round < CLAIM_ROUNDS; round += 1) {
      const at = now();
      const claim = await claimKey(db, request, { ...timing, at });
      if (claim) return runClaimed(c, next, db, request, claim);
      const existing = await readKey(db, request, at);
      switch (existing.state) {
        case "absent":
          continue;
        case "mismatch":
          throw new ProblemError(
            "idempotency-key-reused",
            "This Idempotency-Key was first used with another method, path or body; use a new key for a new request.",
          );
        case "running":
          throw new ProblemError(
            "idempotency-key-in-use",
            "The first request with this Idempotency-Key has not finished; retry shortly.",
            { headers: { "Retry-After": "1" } },
          );
        case "done":
          return replay(existing.response);
      }
    }
    // Only a key deleted under us again and again lands here; a retry will do.
    throw new ProblemError(
      "idempotency-key-in-use",
      "This Idempotency-Key is changing hands; retry shortly.",
      { headers: { "Retry-After": "1" } },
    );
  };
}

async function runClaimed(
  c: Context<V1Env>,
  next: () => Promise<void>,
  db: Database,
  request: IdempotentRequest,
  claim: Claim,
) {
  const log = c.var.log;
  // Bookkeeping that fails after the handler ran must not replace its answer with a 500: the
  // effect happened. The claim then stays until lockMs, when a retry takes it over.
  const release = () =>
    releaseKey(db, request, claim).catch((error: unknown) =>
      log.error("idempotency key release failed", { err: error, path: request.path }),
    );
  try {
    await next();
  } catch (error) {
    // No error handler turned it into an answer: nothing to store, let the retry run.
    await release();
    throw error;
  }
  const res = c.res;
  if (res.status >= 500 || res.status === 429) {
    await release();
    return;
  }
  // Read once, then answered from the text: clone() would tee the body into two web streams
  // and send the answer through them, the slowest way @hono/node-server writes a response.
  const body = await res.text();
  const answer = new Response(nullBodyStatus(res.status) ? null : body, {
    status: res.status,
    headers: res.headers,
  });
  // Unset first, or Hono's setter rebuilds the new response from its body stream too.
  c.res = undefined;
  c.res = answer;
  const response: StoredResponse = {
    status: res.status,
    body,
    headers: replayedHeaders(res.headers),
  };
  const stored = await completeKey(db, request, claim, response).catch((error: unknown) => {
    log.error("idempotency response not stored", { err: error, path: request.path });
    return true;
  });
  if (!stored) {
    // Our claim outlived lockMs and a retry took it over: both ran; the retry's answer wins.
    log.warn("idempotency claim taken over before the response was stored", {
      path: request.path,
    });
  }
}

/** Statuses whose response must have no body (the Response constructor refuses one). */
function nullBodyStatus(status: number): boolean {
  return status === 204 || status === 205 || status === 304;
}

function replay({ status, body, headers }: StoredResponse): Response {
  return new Response(nullBodyStatus(status) ? null : body, {
    status,
    headers: { ...headers, "Idempotent-Replayed": "true" },
  });
}

function replayedHeaders(headers: Headers): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = headers.get(name);
    if (value !== null) kept[name] = value;
  }
  return kept;
}

/** Length-prefixed fields, so no two different requests hash the same bytes. */
function fingerprint(method: string, path: string, body: Uint8Array): string {
  return createHash("sha256")
    .update(`${method.length}:${method}${path.length}:${path}${body.length}:`)
    .update(body)
    .digest("hex");
}
