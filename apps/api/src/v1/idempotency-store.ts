import { type Database, executeNamed, idempotencyKeys } from "@lumen/db";
import { and, eq, sql } from "drizzle-orm";

/**
 * The Postgres side of `Idempotency-Key` (middleware in idempotency.ts). Every step is one
 * statement, so concurrent requests with one key race only on the primary key (user, key):
 * exactly one of them holds the claim at a time.
 *
 * A claim is fenced by its `lockedUntil`: a takeover only happens once that moment has
 * passed, so it always writes a later value, and storing or releasing matches the value the
 * claimer wrote — a request whose claim was taken over cannot overwrite its successor.
 */

export interface IdempotentRequest {
  userId: string;
  key: string;
  method: string;
  path: string;
  /** Hex SHA-256 of method, path and the raw body. */
  requestHash: string;
}

export interface Claim {
  lockedUntil: Date;
}

export interface StoredResponse {
  status: number;
  body: string;
  headers: Record<string, string>;
}

export type ExistingKey =
  | { state: "absent" }
  | { state: "mismatch" }
  | { state: "running" }
  | { state: "done"; response: StoredResponse };

type Timing = { at: Date; lockMs: number; ttlMs: number };

/**
 * Claims the key for this request: a fresh row, or a takeover of one that has expired (then
 * it is as good as absent, whatever it held) or whose claimer died holding it (same request
 * only: another body under that key is the caller's mistake, answered 422). Null: not ours.
 *
 * One statement either way (INSERT … ON CONFLICT DO UPDATE … WHERE), prepared once per
 * connection: every keyed request runs it, so it is the layer's cost. A conflicting claim
 * waits on the row, then sees the winner's row and takes nothing.
 */
export async function claimKey(
  db: Database,
  request: IdempotentRequest,
  { at, lockMs, ttlMs }: Timing,
): Promise<Claim | null> {
  const lockedUntil = new Date(at.getTime() + lockMs);
  const expiresAt = new Date(at.getTime() + ttlMs);
  const { rows } = await executeNamed(
    db,
    "lumen_idempotency_claim",
    sql`insert into idempotency_keys as k
        (user_id, key, method, path, request_hash, state, created_at, locked_until, expires_at)
      values (${request.userId}, ${request.key}, ${request.method}, ${request.path},
        ${request.requestHash}, 'running', ${at.toISOString()}::timestamptz,
        ${lockedUntil.toISOString()}::timestamptz, ${expiresAt.toISOString()}::timestamptz)
      on conflict (user_id, key) do update set
        method = excluded.method, path = excluded.path, request_hash = excluded.request_hash,
        state = 'running', response_status = null, response_body = null,
        response_headers = null, created_at = excluded.created_at,
        locked_until = excluded.locked_until, expires_at = excluded.expires_at
      where k.expires_at <= excluded.created_at
        or (k.state = 'running' and k.locked_until < excluded.created_at
          and k.request_hash = excluded.request_hash)
      returning 1 as claimed`,
  );
  return rows.length > 0 ? { lockedUntil } : null;
}

/** What the key holds for a request that could not claim it. */
export async function readKey(
  db: Database,
  request: IdempotentRequest,
  at: Date,
): Promise<ExistingKey> {
  const [row] = await db.select().from(idempotencyKeys).where(ofKey(request));
  // Gone (released after a failure, or expired and deleted) or expired: claim again.
  if (!row || row.expiresAt <= at) return { state: "absent" };
  if (row.requestHash !== request.requestHash) return { state: "mismatch" };
  if (row.state === "running" || row.responseStatus === null) return { state: "running" };
  return {
    state: "done",
    response: {
      status: row.responseStatus,
      body: row.responseBody ?? "",
      headers: row.responseHeaders ?? {},
    },
  };
}

/** Stores the response of a claimed request; false if the claim was no longer ours. */
export async function completeKey(
  db: Database,
  request: IdempotentRequest,
  claim: Claim,
  response: StoredResponse,
): Promise<boolean> {
  const { rows } = await executeNamed(
    db,
    "lumen_idempotency_complete",
    sql`update idempotency_keys
      set state = 'done', response_status = ${response.status},
        response_body = ${response.body}, response_headers = ${JSON.stringify(response.headers)}::jsonb
      where user_id = ${request.userId} and key = ${request.key} and state = 'running'
        and locked_until = ${claim.lockedUntil.toISOString()}::timestamptz
      returning 1 as stored`,
  );
  return rows.length > 0;
}

/** Gives the key up (the request failed): the next retry with it runs afresh. */
export async function releaseKey(db: Database, request: IdempotentRequest, claim: Claim) {
  await db.delete(idempotencyKeys).where(ownClaim(request, claim));
}

/**
 * Deletes rows past their expiry, `batchSize` at a time (short statements, no long lock on
 * the table), at most `maxBatches` per call; the hourly job picks up any rest next time.
 * Returns how many rows went.
 */
export async function deleteExpiredKeys(
  db: Database,
  { at, batchSize = 1000, maxBatches = 100 }: { at: Date; batchSize?: number; maxBatches?: number },
): Promise<number> {
  let deleted = 0;
  for (let batch = 0; batch < maxBatches; batch += 1) {
    const result = await db.execute<{ user_id: string }>(sql`
      delete from idempotency_keys
      where (user_id, key) in (
        select user_id, key from idempotency_keys
        where expires_at <= ${at.toISOString()}::timestamptz
        limit ${batchSize}
        for update skip locked
      )
      returning user_id`);
    deleted += result.rows.length;
    if (result.rows.length < batchSize) break;
  }
  return deleted;
}

function ofKey({ userId, key }: IdempotentRequest) {
  return and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key));
}

function ownClaim(request: IdempotentRequest, claim: Claim) {
  return and(
    ofKey(request),
    eq(idempotencyKeys.state, "running"),
    eq(idempotencyKeys.lockedUntil, claim.lockedUntil),
  );
}
