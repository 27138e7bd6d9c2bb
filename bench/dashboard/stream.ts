/**
 * Drains a streamed export (CSV chunks) and measures it: time, bytes, lines, and this
 * process's memory sampled every 50 ms (peak RSS and heap, and their growth over the value
 * before the export began: flat means the export does not hold the table in memory).
 */
export async function measureStream(chunks: AsyncIterable<string | Uint8Array>) {
  globalThis.gc?.();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
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
  };
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
