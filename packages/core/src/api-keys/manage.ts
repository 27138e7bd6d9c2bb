import { apiKeys, type Database } from "@lumen/db";
import { and, count, desc, eq, gt, isNull, or, sql } from "drizzle-orm";
import { NotFoundError, type SessionUser, ValidationError } from "../kernel";
import { publishLive } from "../live";
import type { CreateApiKeyInput } from "./inputs";
import { API_KEYS_TOPIC, announceRevoked } from "./revocations";
import { newApiKeyToken } from "./token";
import type { ApiKeyView, CreatedApiKey } from "./types";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Active keys one user may hold: enough for every integration, few enough to audit. */
export const MAX_ACTIVE_API_KEYS = 25;

/**
 * Creates a key for the caller; the answer holds the token, which is never shown again.
 * The cap is counted under a per-user advisory lock so two parallel creates cannot both
 * slip under it.
 */
export async function createApiKey({
  db,
  user,
  input,
  now = new Date(),
}: {
  db: Database;
  user: SessionUser;
  input: CreateApiKeyInput;
  now?: Date;
}): Promise<CreatedApiKey> {
  const { token, prefix, secretHash } = newApiKeyToken();
  const expiresAt =
    input.expiresInDays === null ? null : new Date(now.getTime() + input.expiresInDays * DAY_MS);
  const row = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`api-keys:${user.id}`}))`);
    const [active] = await tx
      .select({ n: count() })
      .from(apiKeys)
      .where(
        and(
          eq(apiKeys.userId, user.id),
          isNull(apiKeys.revokedAt),
          or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, now)),
        ),
      );
    if ((active?.n ?? 0) >= MAX_ACTIVE_API_KEYS) {
      throw new ValidationError(
        `You already have ${MAX_ACTIVE_API_KEYS} active API keys; revoke one you no longer use first.`,
      );
    }
    const [inserted] = await tx
      .insert(apiKeys)
      .values({
        userId: user.id,
        name: input.name,
        prefix,
        secretHash,
        scope: input.scope,
        createdAt: now,
        expiresAt,
      })
      .returning();
    return inserted;
  });
  if (!row) throw new Error("api key insert returned nothing");
  return { key: toView(row, now), token };
}

/** The caller's keys (active, expired and revoked), newest first; never a secret or its hash. */
export async function listApiKeys({
  db,
  user,
  now = new Date(),
}: {
  db: Database;
  user: SessionUser;
  now?: Date;
}): Promise<ApiKeyView[]> {
  const rows = await db
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.userId, user.id))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
  return rows.map((row) => toView(row, now));
}

/**
 * Revokes one of the caller's keys. Revoking it again keeps the first revocation time; a key
 * that is not the caller's is NotFound, so nobody learns which key ids exist.
 */
export async function revokeApiKey({
  db,
  user,
  input,
  now = new Date(),
}: {
  db: Database;
  user: SessionUser;
  input: { keyId: string };
  now?: Date;
}): Promise<ApiKeyView> {
  const mine = and(eq(apiKeys.id, input.keyId), eq(apiKeys.userId, user.id));
  const revoked = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: now })
      .where(and(mine, isNull(apiKeys.revokedAt)))
      .returning();
    // Every API process forgets the key when this commits (resolver.ts), this one at once.
    if (row) await publishLive(tx, API_KEYS_TOPIC, { type: "api-key.revoked", id: row.id });
    return row;
  });
  if (revoked) {
    announceRevoked(revoked.id);
    return toView(revoked, now);
  }
  const [already] = await db.select().from(apiKeys).where(mine);
  if (!already) throw new NotFoundError("No such API key.");
  return toView(already, now);
}

function toView(row: typeof apiKeys.$inferSelect, now: Date): ApiKeyView {
  const status = row.revokedAt
    ? "revoked"
    : row.expiresAt && row.expiresAt <= now
      ? "expired"
      : "active";
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scope: row.scope,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
    lastUsedAt: row.lastUsedAt,
    status,
  };
}
