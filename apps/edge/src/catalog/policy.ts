/**
 * How long the edge keeps a catalog response, read from the origin's Cache-Control the way a
 * shared cache should (`s-maxage`, `stale-while-revalidate`, `stale-if-error`), so the origin
 * owns its freshness. The Cache API itself ignores the stale-* directives, which is why the edge
 * implements them (serve.ts).
 */
export interface CachePolicy {
  /** Served as a HIT for this long after it was fetched. */
  freshSeconds: number;
  /** After that, served (STALE) while a background refresh runs, for this long. */
  staleWhileRevalidateSeconds: number;
  /** Kept as the last known good copy, served (STALE) only while the origin is failing. */
  staleIfErrorSeconds: number;
  /** What clients and downstream caches are told (the origin's own header, or the default). */
  cacheControl: string;
}

/** Used when the origin says nothing: the same numbers the API sends (public-catalog.ts). */
export const DEFAULT_CACHE_CONTROL =
  "public, max-age=0, s-maxage=60, stale-while-revalidate=300, stale-if-error=86400";

// Caps, so a mistaken origin header cannot pin pages at the edge for days: a purge makes them
// unreachable anyway, but a page that was never purged must still expire.
const MAX_FRESH_SECONDS = 3_600;
const MAX_STALE_WHILE_REVALIDATE_SECONDS = 86_400;
const MAX_STALE_IF_ERROR_SECONDS = 7 * 86_400;

/** The policy for a response, or null when it must not be stored (`no-store`, `private`). */
export function cachePolicyOf(header: string | null): CachePolicy | null {
  const cacheControl = header?.trim() || DEFAULT_CACHE_CONTROL;
  const directives = parseDirectives(cacheControl);
  if (directives.has("no-store") || directives.has("private")) return null;
  const seconds = (name: string, max: number) => Math.min(max, directives.get(name) ?? 0);
  const fresh = directives.get("s-maxage") ?? directives.get("max-age") ?? 60;
  return {
    freshSeconds: Math.min(MAX_FRESH_SECONDS, fresh),
    staleWhileRevalidateSeconds: seconds(
      "stale-while-revalidate",
      MAX_STALE_WHILE_REVALIDATE_SECONDS,
    ),
    staleIfErrorSeconds: seconds("stale-if-error", MAX_STALE_IF_ERROR_SECONDS),
    cacheControl,
  };
}

/** Directive name → delta-seconds (NaN-free; flags without a value map to 0). */
function parseDirectives(header: string): Map<string, number> {
  const directives = new Map<string, number>();
  for (const part of header.split(",")) {
    const [name = "", value] = part.trim().toLowerCase().split("=", 2);
    if (!name) continue;
    const seconds = Number.parseInt((value ?? "0").replace(/"/g, ""), 10);
    directives.set(name, Number.isFinite(seconds) && seconds > 0 ? seconds : 0);
  }
  return directives;
}
