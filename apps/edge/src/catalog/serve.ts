import type { Env } from "../env";
import type { Logger } from "../log";
import { type CatalogKeys, catalogKeys, forgetEntry, storeEntry } from "./keys";
import { fetchOrigin, type OriginResult } from "./origin";
import type { CachePolicy } from "./policy";
import {
  type CacheStatus,
  entryResponse,
  originUnavailable,
  passThrough,
  type Timing,
} from "./respond";
import { type CachedEntry, entryFrom, readEntry } from "./store";
import { readCatalogVersion } from "./version";

export interface ServeContext {
  request: Request;
  env: Env;
  waitUntil: (promise: Promise<unknown>) => void;
  log: Logger;
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
  const timing: Timing = { startedAt: performance.now() };
  const cache = caches.default;
  const keys = catalogKeys(
    ctx.request,
    resource,
    await readCatalogVersion(ctx.env.CATALOG_KV, ctx.log),
  );

  const current = keys.current ? await readEntry(cache, keys.current) : null;
  if (current && Date.now() < current.freshUntil) {
    return entryResponse(ctx.request, current, "HIT", timing);
  }
  if (current && Date.now() < current.staleUntil) {
    ctx.waitUntil(refreshInBackground(ctx, keys, resource, current));
    return entryResponse(ctx.request, current, "STALE", timing, "revalidating");
  }

  const lastGood = await readEntry(cache, keys.lastGood);
  const { result, ms } = await fetchOrigin(ctx.env.ORIGIN_API_URL, resource, lastGood?.etag);
  timing.originMs = ms;
  const served = applyOriginResult(keys, result, lastGood, ctx.waitUntil);
  if (served) return entryResponse(ctx.request, served.entry, served.status, timing);
  if (result.kind === "rejected") return passThrough(result, timing);
  if (result.kind === "down") logOriginDown(ctx, resource, result.reason);
  if (lastGood && Date.now() < lastGood.errorUntil) {
    return entryResponse(ctx.request, lastGood, "STALE", timing, "origin-error");
  }
  return originUnavailable(timing);
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
