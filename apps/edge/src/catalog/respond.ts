import { ifNoneMatchMatches } from "@lumen/shared";
import { errorBody } from "../errors";
import type { CachedEntry } from "./store";

/**
 * How a response was produced, in `X-Lumen-Cache`:
 * - HIT: a fresh copy from this data centre's cache;
 * - MISS: fetched from the origin now (and stored, unless it was an error);
 * - STALE: an expired copy, served while a background refresh runs, or because the origin is
 *   failing (`X-Lumen-Stale-Reason` says which);
 * - REVALIDATED: the copy had expired, the origin confirmed it unchanged (304), it was served.
 */
export type CacheStatus = "HIT" | "MISS" | "STALE" | "REVALIDATED";
export type StaleReason = "revalidating" | "origin-error";

/** Serves an entry, or a bodiless 304 when the client already holds this exact version. */
export function entryResponse(
  request: Request,
  entry: CachedEntry,
  status: CacheStatus,
  staleReason?: StaleReason,
): Response {
  const headers = new Headers({
    etag: entry.etag,
    "cache-control": entry.cacheControl,
    // Seconds since the origin produced it, so a client can tell how old a STALE copy is.
    age: String(Math.max(0, Math.floor((Date.now() - entry.storedAt) / 1000))),
    "x-lumen-cache": status,
  });
  if (staleReason) headers.set("x-lumen-stale-reason", staleReason);
  if (ifNoneMatchMatches(request.headers.get("if-none-match"), entry.etag)) {
    return new Response(null, { status: 304, headers });
  }
  headers.set("content-type", entry.contentType);
  return new Response(entry.body, { status: 200, headers });
}

/** An origin 4xx, passed through as it is; `no-store` so nobody downstream keeps it either. */
export function passThrough(result: {
  status: number;
  body: string;
  contentType: string;
}): Response {
  return new Response(result.body, {
    status: result.status,
    headers: {
      "content-type": result.contentType,
      "cache-control": "no-store",
      "x-lumen-cache": "MISS",
    },
  });
}

/** The origin is failing and no copy is young enough to stand in for it. */
export function originUnavailable(): Response {
  return Response.json(
    errorBody(
      "origin_unavailable",
      "The catalog is temporarily unavailable. Please retry shortly.",
    ),
    {
      status: 503,
      headers: {
        "cache-control": "no-store",
        "retry-after": "30",
      },
    },
  );
}
