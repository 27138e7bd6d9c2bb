import { type Database, idempotencyKeys } from "@lumen/db";
import { and, eq, lt, lte, or, sql } from "drizzle-orm";

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
 */
export async function claimKey(
  db: Database,
  request: IdempotentRequest,
  { at, lockMs, ttlMs }: Timing,
): Promise<Claim | null> {
  const lockedUntil = new Date(at.getTime() + lockMs);
  const expiresAt = new Date(at.getTime() + ttlMs);
  const [inserted] = await db
    .insert(idempotencyKeys)
    .values({ ...request, state: "running", createdAt: at, lockedUntil, expiresAt })
    .onConflictDoNothing()
    .returning({ lockedUntil: idempotencyKeys.lockedUntil });
  if (inserted) return inserted;
  const [takenOver] = await db
    .update(idempotencyKeys)
    .set({
      method: request.method,
      path: request.path,
      requestHash: request.requestHash,
      state: "running",
      responseStatus: null,
      responseBody: null,
      responseHeaders: null,
      createdAt: at,
      lockedUntil,
      expiresAt,
    })
    .where(
      and(
        ofKey(request),
        or(
          lte(idempotencyKeys.expiresAt, at),
          and(
            eq(idempotencyKeys.state, "running"),
            lt(idempotencyKeys.lockedUntil, at),
            eq(idempotencyKeys.requestHash, request.requestHash),
          ),
        ),
      ),
    )
    .returning({ lockedUntil: idempotencyKeys.lockedUntil });
  return takenOver ?? null;
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
  const stored = await db
    .update(idempotencyKeys)
    .set({
      state: "done",
      responseStatus: response.status,
      responseBody: response.body,
      responseHeaders: response.headers,
    })
    .where(ownClaim(request, claim))
    .returning({ key: idempotencyKeys.key });
  return stored.length > 0;
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
