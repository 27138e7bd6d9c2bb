import type { ApiEnv } from "../env";

/** Long enough for a cold Worker; short enough that a hung edge frees the job slot. */
const EDGE_TIMEOUT_MS = 10_000;

/**
 * One authenticated call to the edge's internal routes (bearer EDGE_INTERNAL_SECRET, JSON body).
 * Any non-2xx answer or network failure throws, so pg-boss retries the job with backoff. The
 * error carries the edge's JSON error body (never a secret) to say why, e.g. a bad secret.
 */
export async function callEdge({
  env,
  method,
  path,
  body,
  signal,
  fetch = globalThis.fetch,
}: {
  env: Pick<ApiEnv, "EDGE_URL" | "EDGE_INTERNAL_SECRET">;
  method: "POST" | "PUT";
  path: string;
  body: unknown;
  signal: AbortSignal;
  fetch?: typeof globalThis.fetch;
}): Promise<string> {
  const res = await fetch(`${env.EDGE_URL.replace(/\/+$/, "")}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${env.EDGE_INTERNAL_SECRET}`,
      "content-type": "application/json",
    },
    body: JSON.stringify(body),
    signal: AbortSignal.any([signal, AbortSignal.timeout(EDGE_TIMEOUT_MS)]),
  });
  const text = await res.text();
  if (!res.ok)
    throw new Error(`edge answered ${res.status} to ${method} ${path}: ${text.slice(0, 200)}`);
  return text;
}
