import type { CachePolicy } from "./policy";

/** A catalog response as the edge keeps it, with the deadlines its policy gives it. */
export interface CachedEntry {
  body: string;
  contentType: string;
  etag: string;
  /** The Cache-Control clients are sent (the origin's). */
  cacheControl: string;
  /** Epoch ms; all deadlines are absolute so every reader agrees without re-parsing the policy. */
  storedAt: number;
  freshUntil: number;
  staleUntil: number;
  errorUntil: number;
}

// Our bookkeeping travels as headers on the stored response: the Cache API stores nothing else.
const H = {
  storedAt: "x-lumen-stored-at",
  freshUntil: "x-lumen-fresh-until",
  staleUntil: "x-lumen-stale-until",
  errorUntil: "x-lumen-error-until",
  clientCacheControl: "x-lumen-cache-control",
} as const;

export function entryFrom(
  fetched: { body: string; contentType: string; etag: string },
  policy: CachePolicy,
  now: number,
): CachedEntry {
  const freshUntil = now + policy.freshSeconds * 1000;
  return {
    body: fetched.body,
    contentType: fetched.contentType,
    etag: fetched.etag,
    cacheControl: policy.cacheControl,
    storedAt: now,
    freshUntil,
    staleUntil: freshUntil + policy.staleWhileRevalidateSeconds * 1000,
    errorUntil: now + policy.staleIfErrorSeconds * 1000,
  };
}

export async function readEntry(cache: Cache, key: string): Promise<CachedEntry | null> {
  const res = await cache.match(key);
  if (!res) return null;
  const time = (name: string) => Number(res.headers.get(name) ?? Number.NaN);
  const entry = {
    body: await res.text(),
    contentType: res.headers.get("content-type") ?? "application/json",
    etag: res.headers.get("etag") ?? "",
    cacheControl: res.headers.get(H.clientCacheControl) ?? "",
    storedAt: time(H.storedAt),
    freshUntil: time(H.freshUntil),
    staleUntil: time(H.staleUntil),
    errorUntil: time(H.errorUntil),
  };
  // An entry written by an older deploy without our headers is treated as absent.
  const complete =
    entry.etag && [entry.storedAt, entry.staleUntil, entry.errorUntil].every(Number.isFinite);
  return complete ? entry : null;
}

/**
 * Stores `entry` under `key` for `ttlMs` (the Cache API evicts it then, or earlier under
 * pressure: it is a per-data-centre cache, never a guarantee).
 */
export async function writeEntry(cache: Cache, key: string, entry: CachedEntry, ttlMs: number) {
  const ttlSeconds = Math.floor(ttlMs / 1000);
  if (ttlSeconds <= 0) return;
  await cache.put(
    key,
    new Response(entry.body, {
      headers: {
        "content-type": entry.contentType,
        etag: entry.etag,
        "cache-control": `public, max-age=${ttlSeconds}`,
        [H.clientCacheControl]: entry.cacheControl,
        [H.storedAt]: String(entry.storedAt),
        [H.freshUntil]: String(entry.freshUntil),
        [H.staleUntil]: String(entry.staleUntil),
        [H.errorUntil]: String(entry.errorUntil),
      },
    }),
  );
}
