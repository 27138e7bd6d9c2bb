import { apiKeys, type Database } from "@lumen/db";
import { and, desc, eq } from "drizzle-orm";
import type { SessionUser } from "../kernel";
import type { CreateApiKeyInput } from "./inputs";
import { newApiKeyToken } from "./token";
import type { ApiKeyView, CreatedApiKey } from "./types";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Creates a key for the caller; the answer holds the token, which is never shown again. */
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
  const [row] = await db
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
  if (!row) throw new Error("api key insert returned nothing");
  return { key: toView(row, now), token };
}

/** STUB (contract): the caller's keys, newest first. */
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
    .orderBy(desc(apiKeys.createdAt));
  return rows.map((row) => toView(row, now));
}

/** STUB (contract): revokes one of the caller's keys (idempotent). */
export async function revokeApiKey({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: { keyId: string };
}): Promise<void> {
  await db
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.id, input.keyId), eq(apiKeys.userId, user.id)));
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
