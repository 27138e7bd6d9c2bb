import { handleJob, purgeCatalogJob } from "@lumen/jobs";
import type { ApiEnv } from "../env";
import type { Logger } from "../logger";
import { callEdge } from "./edge-request";

/**
 * Tells the edge to forget cached catalog pages after a course was published, edited or
 * unpublished. The edge bumps a catalog version that every cache key includes, so purging is
 * idempotent: a retry or a duplicate only makes the next read a miss. Any non-2xx answer or
 * network failure throws, and pg-boss retries with backoff (purgeCatalogJob's retry policy).
 */
export function purgeEdgeHandler({
  env,
  logger,
  fetch = globalThis.fetch,
}: {
  env: Pick<ApiEnv, "EDGE_URL" | "EDGE_INTERNAL_SECRET">;
  logger: Pick<Logger, "info">;
  fetch?: typeof globalThis.fetch;
}) {
  return handleJob(purgeCatalogJob, async (payload, { signal }) => {
    const text = await callEdge({
      env,
      method: "POST",
      path: "/internal/catalog/purge",
      body: payload,
      signal,
      fetch,
    });
    logger.info("edge catalog purged", { ...payload, edge: text.slice(0, 200) });
  });
}
