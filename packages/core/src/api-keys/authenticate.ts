import { apiKeys, type Database, users } from "@lumen/db";
import { and, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import { hashApiKeyToken, looksLikeApiKeyToken } from "./token";
import type { ApiKeyPrincipal } from "./types";

/** A key's last use is written at most this often, so a busy key does not write per call. */
export const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The principal a bearer token stands for, or null when it is malformed, unknown, revoked or
 * expired (the caller answers 401 without saying which). One indexed read per call; the
 * last-used time is bumped only when it is older than LAST_USED_RESOLUTION_MS.
 */
export async function authenticateApiKey({
  db,
  token,
  now = new Date(),
}: {
  db: Database;
  token: string;
  now?: Date;
}): Promise<ApiKeyPrincipal | null> {
  if (!looksLikeApiKeyToken(token)) return null;
  const [row] = await db
    .select({
      keyId: apiKeys.id,
      scope: apiKeys.scope,
      expiresAt: apiKeys.expiresAt,
      lastUsedAt: apiKeys.lastUsedAt,
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
    })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.userId))
    .where(
      and(
        eq(apiKeys.secretHash, hashApiKeyToken(token)),
        isNull(apiKeys.revokedAt),
        or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, now)),
      ),
    );
  if (!row) return null;
  const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (!row.lastUsedAt || row.lastUsedAt < stale) {
    await db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(
        and(
          eq(apiKeys.id, row.keyId),
          or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, sql`${stale}`)),
        ),
      );
  }
  return {
    keyId: row.keyId,
    scope: row.scope,
    expiresAt: row.expiresAt,
    user: { id: row.id, name: row.name, email: row.email, role: row.role },
  };
}
