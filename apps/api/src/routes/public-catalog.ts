import { createHash } from "node:crypto";
import { getCourseBySlug, searchCatalog } from "@lumen/core/catalog";
import type { Database } from "@lumen/db";
import type { SearchBackend } from "@lumen/search";
import { catalogQuerySchema, courseSlugSchema, ifNoneMatchMatches } from "@lumen/shared";
import { type Context, Hono } from "hono";
import { z } from "zod";
import { ApiError } from "../http-errors";

/**
 * How long shared caches (the edge Worker) may keep a public catalog response: fresh for 60 s,
 * then served while a background refresh runs for 5 more minutes, and as a fallback for a day
 * while the origin is failing. `max-age=0` makes browsers revalidate (a cheap 304 at the edge),
 * so a purge at the edge reaches readers without waiting for their own caches.
 */
export const PUBLIC_CATALOG_CACHE_CONTROL =
  "public, max-age=0, s-maxage=60, stale-while-revalidate=300, stale-if-error=86400";

type PublicEnv = { Variables: { requestId: string } };

/**
 * The public catalog as plain cacheable HTTP, for the edge to fetch on a miss (DESIGN §4).
 * Same input contract and the same service functions as tRPC's `catalog.list` / `catalog.bySlug`,
 * always as an anonymous reader: no session is read, so nothing personal can end up cached.
 */
export function publicCatalogRoutes({ db, search }: { db: Database; search: SearchBackend }) {
  return new Hono<PublicEnv>()
    .get("/courses", async (c) => {
      const parsed = catalogQuerySchema.safeParse(withoutEmptyParams(c.req.query()));
      if (!parsed.success) {
        const { fieldErrors } = z.flattenError(parsed.error);
        throw new ApiError(400, "BAD_REQUEST", "Invalid catalog query.", { fieldErrors });
      }
      const page = await searchCatalog({ search, input: parsed.data });
      return cacheableJson(c, page);
    })
    .get("/courses/:slug", async (c) => {
      const slug = courseSlugSchema.safeParse(c.req.param("slug"));
      // A slug that cannot exist names no resource: 404, like an unknown one.
      if (!slug.success) throw new ApiError(404, "NOT_FOUND", "No such course.");
      return cacheableJson(c, await getCourseBySlug({ db, user: null, slug: slug.data }));
    });
}

/** `?category=&level=` is how forms send "no filter" (the §4 contract spells it that way). */
function withoutEmptyParams(query: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value.trim() !== ""));
}

/** Serializes once, tags the bytes with an ETag and answers a matching If-None-Match with 304. */
function cacheableJson(c: Context<PublicEnv>, data: unknown): Response {
  const body = JSON.stringify(data);
  const etag = `W/"${createHash("sha1").update(body).digest("base64url")}"`;
  const headers = { ETag: etag, "Cache-Control": PUBLIC_CATALOG_CACHE_CONTROL };
  if (ifNoneMatchMatches(c.req.header("if-none-match"), etag)) {
    return c.body(null, 304, headers);
  }
  return c.body(body, 200, { ...headers, "Content-Type": "application/json; charset=utf-8" });
}
