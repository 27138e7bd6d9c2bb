import { ifNoneMatchMatches } from "@lumen/shared";
import { untimed } from "../timing";
import {
  type CachedObjectContext,
  cacheQuietly,
  IMMUTABLE,
  mediaCacheKey,
  withStatus,
} from "./playback-cache";

/**
 * A media playlist that is still growing (an EVENT playlist uploaded while its rendition
 * encodes, ADR 0030): every request must see the segments added since, so it is revalidated
 * each time and never stored in the cache.
 */
export const GROWING = "no-cache";

/** RFC 8216 §4.3.3.4: a playlist that has this tag gets no more segments. */
const ENDLIST = /^#EXT-X-ENDLIST[ \t]*\r?$/m;

/**
 * Serves a rendition's (or subtitle's) media playlist. Once it has ENDLIST it never changes
 * under its path: immutable and cached by asset path like a segment. Without ENDLIST it is
 * read from R2 on every request and marked `no-cache`. A cache hit can only be a finished
 * playlist, because only those are stored. Playlists are small, so they are read whole (a
 * Range header is ignored, which HTTP allows).
 */
export async function serveMediaPlaylist(ctx: CachedObjectContext): Promise<Response | null> {
  const { request, timing = untimed } = ctx;
  const key = mediaCacheKey(request, ctx.r2Key);
  const ifNoneMatch = request.headers.get("if-none-match");
  const conditional = new Headers(ifNoneMatch ? { "if-none-match": ifNoneMatch } : {});
  const hit = await timing.measure("cache", () =>
    caches.default.match(new Request(key, { headers: conditional })),
  );
  if (hit) return withStatus(hit, request, "HIT");

  const read = await timing.measure("r2", async () => {
    const object = await ctx.bucket.get(ctx.r2Key);
    return object ? { object, text: await object.text() } : null;
  });
  if (!read) return null;
  const { object, text } = read;
  const complete = ENDLIST.test(text);
  const headers = new Headers({
    "content-type": ctx.contentType,
    etag: object.httpEtag,
    "cache-control": complete ? IMMUTABLE : GROWING,
  });
  if (complete) {
    const stored = new Response(text, { headers });
    ctx.waitUntil(cacheQuietly(caches.default.put(key, stored), ctx.log));
  }
  const status = complete ? "MISS" : "BYPASS";
  if (ifNoneMatchMatches(ifNoneMatch, object.httpEtag)) {
    return withStatus(new Response(null, { status: 304, headers }), request, status);
  }
  return withStatus(new Response(text, { headers }), request, status);
}
