import { handleJob, purgeCatalogJob } from "@lumen/jobs";
import type { ApiEnv } from "../env";
import type { Logger } from "../logger";

/** Long enough for a cold Worker; short enough that a hung edge frees the job slot. */
const PURGE_TIMEOUT_MS = 10_000;

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
  env: Pick<ApiEnv, "EDGE_URL" | "EDGE_PURGE_SECRET">;
  logger: Pick<Logger, "info">;
  fetch?: typeof globalThis.fetch;
}) {
  const endpoint = `${env.EDGE_URL.replace(/\/+$/, "")}/internal/catalog/purge`;
  return handleJob(purgeCatalogJob, async (payload, { signal }) => {
    const res = await fetch(endpoint, {
      method: "POST",
      headers: {
        authorization: `Bearer ${env.EDGE_PURGE_SECRET}`,
        "content-type": "application/json",
      },
      body: JSON.stringify(payload),
      signal: AbortSignal.any([signal, AbortSignal.timeout(PURGE_TIMEOUT_MS)]),
    });
    const text = await res.text();
    if (!res.ok) {
      // The body is the edge's JSON error (never a secret); it says why, e.g. a bad secret.
      throw new Error(`edge purge answered ${res.status}: ${text.slice(0, 200)}`);
    }
    logger.info("edge catalog purged", { ...payload, edge: text.slice(0, 200) });
  });
}
