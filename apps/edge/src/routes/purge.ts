import { singleLine } from "@lumen/shared";
import { Hono } from "hono";
import { z } from "zod";
import { bumpCatalogVersion } from "../catalog/version";
import type { AppEnv } from "../env";
import { errorBody } from "../errors";
import { requireInternalSecret } from "../middleware/require-internal-secret";

/** What the job runner sends (purgeCatalogJob's payload); recorded with the new version. */
const purgeRequestSchema = z.object({
  courseId: z.uuid().optional(),
  slug: singleLine({ label: "slug", max: 160, trim: false }).min(1).optional(),
});

/**
 * `POST /internal/catalog/purge`: makes every cached catalog page unreachable in every data
 * centre by moving the catalog to a new version. Called by the API's job runner after a course
 * is published, edited or unpublished; authenticated with the EDGE_INTERNAL_SECRET bearer
 * token. A KV failure (e.g. its one-write-per-second-per-key limit) is a 500, which the job
 * retries.
 */
export const catalogPurge = new Hono<AppEnv>().post(
  "/internal/catalog/purge",
  // The refusal's wording predates the secret's rename; clients may match on it.
  requireInternalSecret("Missing or wrong purge secret."),
  async (c) => {
    const noStore = { "cache-control": "no-store" };
    const text = await c.req.text();
    const parsed = purgeRequestSchema.safeParse(text ? safeJson(text) : {});
    if (!parsed.success) {
      return c.json(errorBody("bad_request", "Expected {courseId?, slug?} as JSON."), 400, noStore);
    }
    const version = await bumpCatalogVersion(c.env.CATALOG_KV, parsed.data);
    return c.json({ version, ...parsed.data }, 200, noStore);
  },
);

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
