import { type CertificateCheck, cacheableCheckSchema } from "./types";

/**
 * How long a data centre reuses a computed verdict. Short on purpose: a revocation must show
 * within a minute everywhere (this, plus KV's read cache, plus propagation), while a burst of
 * employers opening the same link still costs one KV read and one signature check.
 */
export const VERDICT_TTL_MS = 20_000;

type Cacheable = Exclude<CertificateCheck, { kind: "unavailable" }>;

const FRESH_UNTIL = "x-lumen-fresh-until";

/**
 * The cache key: on the request's own origin (the Cache API is per zone) under a path no route
 * serves. One entry per id serves both the JSON and the HTML answer, so a publish purges one key.
 */
export function verdictCacheKey(origin: string, id: string): string {
  return `${origin}/__lumen-cache/certificates/${id}`;
}

/**
 * The cached check, if still fresh by our own clock: the deadline travels with the entry, so
 * freshness does not depend on when the cache chooses to evict (and tests can move the clock).
 */
export async function readCachedCheck(
  cache: Cache,
  key: string,
  now: number,
): Promise<Cacheable | null> {
  const res = await cache.match(key);
  if (!res) return null;
  const freshUntil = Number(res.headers.get(FRESH_UNTIL));
  if (!(freshUntil > now)) {
    void res.body?.cancel();
    return null;
  }
  // Parsed like any input: an entry written by an older deploy reads as a miss.
  const parsed = cacheableCheckSchema.safeParse(await res.json().catch(() => null));
  return parsed.success ? parsed.data : null;
}

export async function writeCachedCheck(
  cache: Cache,
  key: string,
  check: Cacheable,
  now: number,
  ttlMs = VERDICT_TTL_MS,
): Promise<void> {
  const body = JSON.stringify(check);
  const headers = {
    "content-type": "application/json",
    "cache-control": `public, max-age=${Math.ceil(ttlMs / 1000)}`,
    [FRESH_UNTIL]: String(now + ttlMs),
  };
  await cache.put(key, new Response(body, { headers }));
}

/** Drops the id's verdict in this data centre; others expire it within VERDICT_TTL_MS. */
export async function purgeCachedCheck(cache: Cache, key: string): Promise<void> {
  await cache.delete(key);
}
