import type { Logger } from "../log";

/**
 * The catalog version: a number in KV that every catalog cache key includes. Bumping it makes
 * every entry cached under the old number unreachable in every data centre at once, without
 * enumerating keys (the Cache API can only delete one key in one data centre).
 */
const VERSION_KEY = "catalog:version";

/**
 * KV caches a read in the reading data centre for `cacheTtl` seconds; 30 is KV's minimum (and
 * omitting it means 60). This bounds how long a data centre can keep using an old version after
 * a purge elsewhere: up to this TTL plus KV's propagation delay (usually a few seconds, documented
 * as up to about a minute). The data centre that handled the purge sees the new version at once.
 */
export const VERSION_CACHE_TTL_SECONDS = 30;

/** The current version, or null when KV cannot be read (callers then bypass the versioned cache). */
export async function readCatalogVersion(
  kv: KVNamespace,
  log: Pick<Logger, "error">,
): Promise<string | null> {
  try {
    return (await kv.get(VERSION_KEY, { cacheTtl: VERSION_CACHE_TTL_SECONDS })) ?? "0";
  } catch (error) {
    log.error("catalog version unreadable", { err: error });
    return null;
  }
}

export interface PurgeReason {
  courseId?: string | undefined;
  slug?: string | undefined;
}

/**
 * Moves the catalog to a new version and records why (as KV metadata: one write, not two).
 * The new number is the wall clock in ms, or one more than the current value if that is ahead:
 * a data centre reading a stale current value still writes a number not used before, so two
 * purges can never collapse into one. Bumping again is harmless: one more round of misses.
 */
export async function bumpCatalogVersion(kv: KVNamespace, reason: PurgeReason): Promise<string> {
  const current = Number(await kv.get(VERSION_KEY)) || 0;
  const next = String(Math.max(Date.now(), current + 1));
  await kv.put(VERSION_KEY, next, {
    metadata: { ...reason, purgedAt: new Date().toISOString() },
  });
  return next;
}
