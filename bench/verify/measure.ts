import { workerMs } from "../lib/server-timing";
import { summarize } from "../lib/stats";

export interface Measured {
  p50: number;
  p95: number;
  /** The Worker's own time (Server-Timing `worker;dur`), without HTTP to and from it. */
  workerP50: number;
  workerP95: number;
  n: number;
  /** Responses that were not a 200 "valid" with the expected X-Lumen-Cache. */
  unexpected: number;
}

/**
 * Times GET /certificates/:id/verify for each id in turn over loopback HTTP (one request in
 * flight, as one employer would), body included. Stops early at `maxMs` so a bad run is bounded.
 */
export async function measureVerify(
  edgeUrl: string,
  ids: readonly string[],
  expectedCache: "HIT" | "MISS",
  maxMs = 60_000,
): Promise<Measured> {
  const samples: number[] = [];
  const inWorker: number[] = [];
  let unexpected = 0;
  const deadline = performance.now() + maxMs;
  for (const id of ids) {
    if (performance.now() > deadline) break;
    const started = performance.now();
    const res = await fetch(`${edgeUrl}/certificates/${id}/verify`);
    const body = await res.text();
    samples.push(performance.now() - started);
    const worker = workerMs(res.headers);
    if (worker !== undefined) inWorker.push(worker);
    const ok =
      res.status === 200 &&
      res.headers.get("x-lumen-cache") === expectedCache &&
      body.includes('"status":"valid"');
    if (!ok) unexpected++;
  }
  const { p50, p95, n } = summarize(samples);
  const worker = summarize(inWorker);
  return { p50, p95, workerP50: worker.p50, workerP95: worker.p95, n, unexpected };
}

export const median = (xs: readonly number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? Number.NaN;
