import { type Context, Hono } from "hono";
import { cors } from "hono/cors";
import { normalizeCatalogQuery, normalizeSlug } from "../catalog/query";
import { type ServeContext, serveCatalogResource } from "../catalog/serve";
import type { AppEnv } from "../env";
import { errorBody } from "../errors";

/**
 * The public catalog (DESIGN §4): `GET /courses?query=&category=&level=&language=&minRating=
 * &sort=&page=&pageSize=` and `GET /courses/:slug`, cached at the edge in front of the API's
 * `/public/*` routes. Input is validated here with the shared contract, so malformed requests
 * are answered without touching the cache or the origin.
 */
export const catalog = new Hono<AppEnv>()
  // Public, anonymous JSON: any site may read it; validators and cache status are readable too.
  .use(
    "/courses/*",
    cors({
      origin: "*",
      allowMethods: ["GET", "HEAD"],
      exposeHeaders: ["ETag", "Age", "X-Lumen-Cache", "X-Lumen-Stale-Reason", "Server-Timing"],
    }),
  )
  .get("/courses", async (c) => {
    const normalized = normalizeCatalogQuery(new URL(c.req.url).searchParams);
    if (!normalized.ok) {
      return c.json(
        {
          error: {
            ...errorBody("bad_request", "Invalid catalog query.").error,
            fieldErrors: normalized.fieldErrors,
          },
        },
        400,
        { "cache-control": "no-store" },
      );
    }
    const resource = normalized.search ? `/courses?${normalized.search}` : "/courses";
    return serveCatalogResource(serveContext(c), resource);
  })
  .get("/courses/:slug", async (c) => {
    const slug = normalizeSlug(c.req.param("slug"));
    if (!slug) {
      return c.json(errorBody("not_found", "No such course."), 404, {
        "cache-control": "no-store",
      });
    }
    return serveCatalogResource(serveContext(c), `/courses/${slug}`);
  });

function serveContext(c: Context<AppEnv>): ServeContext {
  const ctx = c.executionCtx;
  return {
    request: c.req.raw,
    env: c.env,
    waitUntil: (promise) => ctx.waitUntil(promise),
    log: c.var.log,
    timing: c.var.timing,
  };
}
