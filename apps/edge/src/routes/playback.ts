import { hlsKey, MASTER_PLAYLIST } from "@lumen/media-tokens";
import { Hono } from "hono";
import type { AppEnv } from "../env";
import { errorBody } from "../errors";
import { mediaCors } from "../media/cors";
import { serveMediaPlaylist } from "../media/media-playlist";
import { objectResponse } from "../media/object";
import { objectPathAfter, playbackContentType } from "../media/paths";
import { serveCachedObject, withStatus } from "../media/playback-cache";
import { requireToken } from "../middleware/require-token";

/**
 * Signed HLS playback: `GET|HEAD /v/:token/<path under videos/<id>/hls/>`. The token is a path
 * segment, so the relative URIs inside playlists carry it without rewriting. Segments, posters,
 * captions and finished media playlists are immutable and cached by asset path (never by
 * token); the master playlist is rewritten as renditions and captions land, and a media
 * playlist without ENDLIST is still growing (ADR 0030): both are `no-cache`, read from R2.
 */
export const playback = new Hono<AppEnv>()
  .use("/v/*", mediaCors)
  .get("/v/:token/:path{.+}", requireToken("play"), async (c) => {
    const { claims } = c.var;
    const path = objectPathAfter(c.req.url, 2);
    const contentType = path ? playbackContentType(path) : null;
    if (!path || !contentType) return notFound();
    const r2Key = hlsKey(claims.assetId, path);

    if (path === MASTER_PLAYLIST) {
      const options = { contentType, cacheControl: "no-cache" };
      const res = await c.var.timing.measure("r2", () =>
        objectResponse(c.env.MEDIA, r2Key, c.req.raw, options),
      );
      return res ? withStatus(res, c.req.raw, "BYPASS") : notFound();
    }
    const ctx = c.executionCtx;
    const object = {
      bucket: c.env.MEDIA,
      request: c.req.raw,
      r2Key,
      contentType,
      waitUntil: (promise: Promise<unknown>) => ctx.waitUntil(promise),
      log: c.var.log,
      timing: c.var.timing,
    };
    const res = path.endsWith(".m3u8")
      ? await serveMediaPlaylist(object)
      : await serveCachedObject(object);
    return res ?? notFound();
  });

function notFound() {
  return Response.json(errorBody("not_found", "Not found"), {
    status: 404,
    headers: { "cache-control": "no-store" },
  });
}
