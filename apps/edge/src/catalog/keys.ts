import { type CachedEntry, writeEntry } from "./store";

/** Where one catalog resource lives in this data centre's cache. */
export interface CatalogKeys {
  /** Includes the catalog version, so a purge makes it unreachable. Null when KV is unreadable. */
  current: string | null;
  /** Survives purges; only ever served while the origin is failing (stale-if-error). */
  lastGood: string;
}

/**
 * Keys sit under the request's own origin (the Cache API is scoped to the zone) on a path no
 * route serves, so a client can never address an entry directly.
 */
export function catalogKeys(
  request: Request,
  resource: string,
  version: string | null,
): CatalogKeys {
  const base = `${new URL(request.url).origin}/__lumen-cache/catalog`;
  return {
    current: version === null ? null : `${base}/v${version}${resource}`,
    lastGood: `${base}/last-good${resource}`,
  };
}

/** The current copy lives through its stale-while-revalidate window, the last-good copy longer. */
export async function storeEntry(keys: CatalogKeys, entry: CachedEntry): Promise<void> {
  const cache = caches.default;
  await Promise.all([
    keys.current ? writeEntry(cache, keys.current, entry, entry.staleUntil - entry.storedAt) : null,
    writeEntry(cache, keys.lastGood, entry, entry.errorUntil - entry.storedAt),
  ]);
}

export async function forgetEntry(keys: CatalogKeys): Promise<void> {
  const cache = caches.default;
  await Promise.all([
    keys.current ? cache.delete(keys.current) : null,
    cache.delete(keys.lastGood),
  ]);
}
