import type { Logger } from "../log";
import { type PhaseTimer, untimed } from "../timing";
import { objectResponse } from "./object";
import { parseRange } from "./range";

/** Segments, rendition playlists, posters and captions never change under one path. */
export const IMMUTABLE = "public, max-age=31536000, immutable";

export type CacheStatus = "HIT" | "MISS" | "BYPASS";

/**
 * The cache key for an R2 object: the object's key under the request's own origin (the Cache
 * API is scoped to the zone) on a path no route serves, so it never contains a token and every
 * valid token for the asset shares one entry.
 */
export function mediaCacheKey(request: Request, r2Key: string): string {
  return `${new URL(request.url).origin}/__lumen-cache/media/${r2Key}`;
}

export interface CachedObjectContext {
  bucket: R2Bucket;
  request: Request;
  r2Key: string;
  contentType: string;
  waitUntil: (promise: Promise<unknown>) => void;
  log: Logger;
  /** The request's Server-Timing: cache and R2 waits are reported as phases. */
  timing?: PhaseTimer;
}

/**
 * Serves an immutable object from this data centre's cache, filling it from R2 on a miss.
 * Range and If-None-Match are answered by the cache itself (workerd's cache.match returns 206,
 * 416 and 304 for a stored 200), so only whole 200s are ever stored. A range miss is read from
 * R2 directly and the whole object is cached in the background for the next request.
 */
export async function serveCachedObject(ctx: CachedObjectContext): Promise<Response | null> {
  const { request } = ctx;
  const key = mediaCacheKey(request, ctx.r2Key);
  // Only what the cache should answer: a single byte range (others get the whole object).
  const conditional = new Headers();
  const ifNoneMatch = request.headers.get("if-none-match");
  if (ifNoneMatch) conditional.set("if-none-match", ifNoneMatch);
  const range = request.headers.get("range");
  if (range && request.method !== "HEAD" && parseRange(range)) conditional.set("range", range);

  const { timing = untimed } = ctx;
  const hit = await timing.measure("cache", () =>
    caches.default.match(new Request(key, { headers: conditional })),
  );
  if (hit) return withStatus(hit, request, "HIT");

  const options = { contentType: ctx.contentType, cacheControl: IMMUTABLE };
  const res = await timing.measure("r2", () =>
    objectResponse(ctx.bucket, ctx.r2Key, request, options),
  );
  if (!res) return null;
  if (res.status === 200 && res.body && request.method !== "HEAD") {
    const [served, stored] = res.body.tee();
    const init = { status: res.status, headers: res.headers };
    ctx.waitUntil(cacheQuietly(caches.default.put(key, new Response(stored, init)), ctx.log));
    return withStatus(new Response(served, init), request, "MISS");
  }
  if (res.status === 206) {
    ctx.waitUntil(cacheQuietly(fill(ctx.bucket, key, ctx.r2Key, options), ctx.log));
  }
  return withStatus(res, request, "MISS");
}

async function fill(
  bucket: R2Bucket,
  key: string,
  r2Key: string,
  options: { contentType: string; cacheControl: string },
): Promise<void> {
  const whole = await objectResponse(bucket, r2Key, new Request(key), options);
  if (whole?.status === 200) await caches.default.put(key, whole);
}

/** A failed cache write costs the next request a miss, nothing more: log it and move on. */
export async function cacheQuietly(write: Promise<void>, log: Logger): Promise<void> {
  try {
    await write;
  } catch (error) {
    log.warn("media cache write failed", { err: error });
  }
}

/** A fresh response (cache responses' headers are immutable) marked with how it was made. */
export function withStatus(res: Response, request: Request, status: CacheStatus): Response {
  const headers = new Headers(res.headers);
  headers.set("x-lumen-cache", status);
  // Workerd's own cache bookkeeping is not ours to expose.
  headers.delete("cf-cache-status");
  if (request.method === "HEAD") {
    void res.body?.cancel();
    return new Response(null, { status: res.status, headers });
  }
  return new Response(res.body, { status: res.status, headers });
}
