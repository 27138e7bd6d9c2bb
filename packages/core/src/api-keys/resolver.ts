import type { Database } from "@lumen/db";
import type { LiveHub } from "../live";
import { authenticateApiKey } from "./authenticate";
import { API_KEYS_TOPIC, onApiKeyRevoked } from "./revocations";
import { hashApiKeyToken, looksLikeApiKeyToken } from "./token";
import type { ApiKeyPrincipal } from "./types";

/** How long a checked key is trusted without a database read (as sessions: SESSION_MEMO_MS). */
export const API_KEY_MEMO_MS = 15_000;

export interface ApiKeyResolver {
  resolve(token: string): Promise<ApiKeyPrincipal | null>;
  /** Stops listening for revocations. */
  close(): void;
}

/**
 * `authenticateApiKey` with a short in-process memo, so a busy integration does not cost a
 * database read per request. A revoked key must stop working at once, so the memo is only
 * kept where revocations reach it: this process's own revocations synchronously, other
 * processes' through the live hub (Postgres NOTIFY on commit); a lost hub connection
 * (resync) empties the memo. Without a hub, every call reads the database. An entry also ends
 * at the key's expiry. Keyed by the token's hash, never the token.
 */
export function createApiKeyResolver({
  db,
  live,
  ttlMs = API_KEY_MEMO_MS,
  maxEntries = 10_000,
  now = () => Date.now(),
  onError,
}: {
  db: Database;
  live?: LiveHub;
  ttlMs?: number;
  maxEntries?: number;
  now?: () => number;
  onError?: (error: unknown) => void;
}): ApiKeyResolver {
  if (!live) {
    return { resolve: (token) => authenticateApiKey({ db, token }), close: () => {} };
  }
  const memo = new Map<string, { principal: ApiKeyPrincipal; until: number }>();
  const evict = (keyId: string) => {
    for (const [hash, entry] of memo) if (entry.principal.keyId === keyId) memo.delete(hash);
  };
  const stopLocal = onApiKeyRevoked(evict);
  const stop = new AbortController();
  const listening = (async () => {
    for await (const signal of live.stream(API_KEYS_TOPIC, stop.signal)) {
      if (signal.kind === "resync") memo.clear();
      else if (signal.event.id) evict(signal.event.id);
    }
  })().catch((error: unknown) => {
    memo.clear();
    onError?.(error);
  });
  void listening;

  return {
    async resolve(token) {
      if (!looksLikeApiKeyToken(token)) return null;
      const hash = hashApiKeyToken(token);
      const hit = memo.get(hash);
      if (hit && hit.until > now()) return hit.principal;
      if (hit) memo.delete(hash);
      const principal = await authenticateApiKey({ db, token, now: new Date(now()) });
      if (principal && !stop.signal.aborted) {
        const expiry = principal.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY;
        // Oldest first out: Map keeps insertion order.
        if (memo.size >= maxEntries) memo.delete(memo.keys().next().value ?? "");
        memo.set(hash, { principal, until: Math.min(now() + ttlMs, expiry) });
      }
      return principal;
    },
    close() {
      stop.abort();
      stopLocal();
      memo.clear();
    },
  };
}
