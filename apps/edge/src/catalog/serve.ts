import type { Env } from "../env";
import type { Logger } from "../log";
import type { PhaseTimer } from "../timing";
import { type CatalogKeys, catalogKeys, forgetEntry, storeEntry } from "./keys";
import { fetchOrigin, type OriginResult } from "./origin";
import type { CachePolicy } from "./policy";
import { type CacheStatus, entryResponse, originUnavailable, passThrough } from "./respond";
import { type CachedEntry, entryFrom, readEntry } from "./store";
import { readCatalogVersion } from "./version";

export interface ServeContext {
  request: Request;
  env: Env;
  waitUntil: (promise: Promise<unknown>) => void;
  log: Logger;
  /** The request's Server-Timing: KV, cache and origin waits are reported as phases. */
  timing: PhaseTimer;
}

/** For an origin 200 that forbids storing (`no-store`, `private`): served once, kept nowhere. */
const UNSTORED: CachePolicy = {
  freshSeconds: 0,
  staleWhileRevalidateSeconds: 0,
  staleIfErrorSeconds: 0,
  cacheControl: "no-store",
};

/**
 * Serves a public catalog resource (`/courses?<canonical query>` or `/courses/<slug>`) from this
 * data centre's cache, doing stale-while-revalidate and stale-if-error by hand (the Cache API
 * only knows fresh or gone):
 * 1. a fresh copy under the current version → HIT;
 * 2. an expired copy inside its stale-while-revalidate window → STALE now, refreshed after;
 * 3. otherwise the origin, asked conditionally when a last-good copy exists: 200 → MISS, stored;
 *    304 → REVALIDATED; 4xx → passed through, never stored; failing → the last-good copy
 *    (STALE) while inside its stale-if-error window, else 503.
 */
export async function serveCatalogResource(ctx: ServeContext, resource: string): Promise<Response> {
  const { timing } = ctx;
  const cache = caches.default;
  const version = await timing.measure("kv", () => readCatalogVersion(ctx.env.CATALOG_KV, ctx.log));
  const keys = catalogKeys(ctx.request, resource, version);
  const currentKey = keys.current;
  const current = currentKey
    ? await timing.measure("cache", () => readEntry(cache, currentKey))
    : null;
  if (current && Date.now() < current.freshUntil) {
    return entryResponse(ctx.request, current, "HIT");
  }
  if (current && Date.now() < current.staleUntil) {
    ctx.waitUntil(refreshInBackground(ctx, keys, resource, current));
    return entryResponse(ctx.request, current, "STALE", "revalidating");
  }

  const lastGood = await timing.measure("cache", () => readEntry(cache, keys.lastGood));
  const { result } = await timing.measure("origin", () =>
    fetchOrigin(ctx.env.ORIGIN_API_URL, resource, lastGood?.etag),
  );
  const served = applyOriginResult(keys, result, lastGood, ctx.waitUntil);
  if (served) return entryResponse(ctx.request, served.entry, served.status);
  if (result.kind === "rejected") return passThrough(result);
  if (result.kind === "down") logOriginDown(ctx, resource, result.reason);
  if (lastGood && Date.now() < lastGood.errorUntil) {
    return entryResponse(ctx.request, lastGood, "STALE", "origin-error");
  }
  return originUnavailable();
}

/**
 * Returns the entry to serve for what the origin answered (null when rejected or down), and
 * hands the matching cache writes to `defer`: the client never waits for a cache write.
 */
function applyOriginResult(
  keys: CatalogKeys,
  result: OriginResult,
  held: CachedEntry | null,
  defer: (write: Promise<unknown>) => void,
): { entry: CachedEntry; status: CacheStatus } | null {
  const now = Date.now();
  if (result.kind === "fresh") {
    const entry = entryFrom(result, result.policy ?? UNSTORED, now);
    if (result.policy) defer(storeEntry(keys, entry));
    return { entry, status: "MISS" };
  }
  if (result.kind === "not-modified" && held) {
    if (!result.policy) return { entry: held, status: "REVALIDATED" };
    const entry = entryFrom(held, result.policy, now);
    defer(storeEntry(keys, entry));
    return { entry, status: "REVALIDATED" };
  }
  if (result.kind === "rejected") {
    // The origin says the resource is gone (e.g. an unpublished course): drop this data
    // centre's copies so they are not served again as a stale fallback.
    defer(forgetEntry(keys));
  }
  return null;
}

/** Runs after the STALE response went out; a failure only means the next request tries again. */
async function refreshInBackground(
  ctx: ServeContext,
  keys: CatalogKeys,
  resource: string,
  held: CachedEntry,
): Promise<void> {
  try {
    const { result } = await fetchOrigin(ctx.env.ORIGIN_API_URL, resource, held.etag);
    if (result.kind === "down") logOriginDown(ctx, resource, result.reason);
    const writes: Promise<unknown>[] = [];
    applyOriginResult(keys, result, held, (write) => writes.push(write));
    await Promise.all(writes);
  } catch (error) {
    ctx.log.error("background refresh failed", { resource, err: error });
  }
}

function logOriginDown({ log }: ServeContext, resource: string, reason: string) {
  log.warn("origin unavailable", { resource, reason });
}
