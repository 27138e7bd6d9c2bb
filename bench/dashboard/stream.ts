import { readFileSync } from "node:fs";

/**
 * Drains a streamed export (CSV chunks) and measures it: time, bytes, lines, and this
 * process's memory sampled every 50 ms (peak RSS and heap, and their growth over the value
 * before the export began: flat means the export does not hold the table in memory).
 */
export async function measureStream(
  chunks: AsyncIterable<string | Uint8Array>,
  /** Another process whose RSS to sample too (the API server streaming it over HTTP). */
  serverPid?: number,
) {
  globalThis.gc?.();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const serverBefore = serverPid ? rssOf(serverPid) : 0;
  let serverPeak = serverBefore;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
    if (serverPid) serverPeak = Math.max(serverPeak, rssOf(serverPid));
  };
  const timer = setInterval(sample, 50);
  const started = performance.now();
  let bytes = 0;
  let lines = 0;
  let firstChunkMs = Number.NaN;
  try {
    for await (const chunk of chunks) {
      if (Number.isNaN(firstChunkMs)) firstChunkMs = performance.now() - started;
      const text = typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
      bytes += Buffer.byteLength(text);
      for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lines += 1;
    }
  } finally {
    clearInterval(timer);
  }
  sample();
  const mb = (n: number) => n / 1024 / 1024;
  return {
    seconds: (performance.now() - started) / 1000,
    firstChunkMs,
    bytes,
    lines,
    peakRssMb: mb(peakRss),
    rssGrowthMb: mb(peakRss - before.rss),
    peakHeapMb: mb(peakHeap),
    heapGrowthMb: mb(peakHeap - before.heapUsed),
    serverPeakRssMb: serverPid ? mb(serverPeak) : undefined,
    serverRssGrowthMb: serverPid ? mb(serverPeak - serverBefore) : undefined,
  };
}

/** Resident set size of a process (Linux /proc), in bytes; 0 if it cannot be read. */
function rssOf(pid: number): number {
  try {
    const pages = Number(readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1]);
    return pages * 4096;
  } catch {
    return 0;
  }
}

/** An HTTP response body as an async iterable of chunks (fetch's web stream). */
export async function* responseChunks(response: Response): AsyncIterable<Uint8Array> {
  if (!response.body) return;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}
