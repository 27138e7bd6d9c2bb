/**
 * The public catalog through the edge: `pnpm bench edge [--origin URL] [--runs N]`.
 *
 * Needs a running API (default http://127.0.0.1:3000) on a seeded database. Starts
 * `wrangler dev --local` for the edge Worker with ORIGIN_API_URL pointed at it and an empty
 * cache, then for a fixed set of catalog requests measures, over HTTP on loopback:
 *   cold   — the first request for each (a MISS: KV, cache lookup, origin fetch, response);
 *   cached — N more rounds of the same requests (HITs);
 *   304    — the same with If-None-Match (the browser revalidation path);
 *   origin — the API's /public route directly, for the edge's overhead ratio.
 * "in-worker" rows are the Worker's own Server-Timing (`worker;dur`): its time from its first
 * middleware to the response, excluding HTTP to the client. p50/p95/p99 in ms; the headline
 * figures (lib/report.ts, bench/results/edge.json) give client time with the in-Worker time of
 * the same requests as the limit, so the ratio is what the HTTP hop (wrangler dev's proxy on
 * loopback) adds.
 */
import { CATEGORIES, COURSE_LEVELS, LANGUAGE_CODES } from "@lumen/shared";
import { startWranglerDev } from "@lumen/tools/wrangler-dev";
import { benchArgs } from "./lib/args";
import { reportFigures } from "./lib/report";
import { workerMs } from "./lib/server-timing";
import { printTable, summarize } from "./lib/stats";

const { values } = benchArgs({
  options: {
    origin: { type: "string", default: "http://127.0.0.1:3000" },
    runs: { type: "string", default: "20" },
  },
});
const args = { origin: values.origin, runs: Number(values.runs) };
const origin = args.origin.replace(/\/+$/, "");

async function main() {
  const probe = await fetch(`${origin}/public/courses?pageSize=10`).catch((e: unknown) => e);
  if (!(probe instanceof Response) || !probe.ok) {
    console.error(
      `no catalog at ${origin}/public/courses (${probe instanceof Response ? probe.status : String(probe)}).\n` +
        "Start the API on a seeded database first, e.g.\n" +
        "  DATABASE_URL=postgres://… pnpm --filter @lumen/db seed\n" +
        "  DATABASE_URL=postgres://… PORT=3000 pnpm --filter @lumen/api start",
    );
    process.exit(1);
  }
  const { items } = (await probe.json()) as { items: Array<{ slug: string }> };
  const paths = [...catalogQueries(), ...items.map((c) => `/courses/${c.slug}`)];

  console.log(`starting wrangler dev (origin ${origin})…`);
  const edge = await startWranglerDev({ ORIGIN_API_URL: origin });
  try {
    // Compile and warm the Worker's code paths on requests that are not measured.
    for (let i = 0; i < 20; i++) await timed(`${edge.url}/courses?query=warmup${i % 3}`);

    const cold = await measure(
      paths.map((p) => `${edge.url}${p}`),
      "MISS",
    );
    const cached = await measure(
      repeat(paths, args.runs).map((p) => `${edge.url}${p}`),
      "HIT",
    );
    const revalidate = await measure(
      repeat(paths, 3).map((p) => `${edge.url}${p}`),
      "HIT",
      cold.etags,
    );
    const direct = await measure(repeat(paths, 3).map((p) => `${origin}/public${p}`));

    printTable(
      `public catalog through the edge: ${paths.length} requests (${items.length} by slug), ` +
        `cached × ${args.runs} rounds; ms`,
      [
        { level: "edge, cold (MISS), HTTP", ...summarize(cold.total) },
        { level: "edge, cold (MISS), in-worker", ...summarize(cold.inWorker) },
        { level: "edge, cached (HIT), HTTP", ...summarize(cached.total) },
        { level: "edge, cached (HIT), in-worker", ...summarize(cached.inWorker) },
        { level: "edge, 304 revalidation, HTTP", ...summarize(revalidate.total) },
        { level: "origin API /public, HTTP", ...summarize(direct.total) },
      ],
    );
    const unexpected = cold.unexpected + cached.unexpected + revalidate.unexpected;
    const ratio = summarize(direct.total).p50 / summarize(cached.total).p50;
    console.log(`origin p50 / cached edge p50: ${ratio.toFixed(2)}×`);
    console.log(
      "in-worker times tick in whole ms: workerd's clock is coarse, and advances only on I/O",
    );
    console.log(`responses with an unexpected X-Lumen-Cache: ${unexpected}`);
    const clientVsWorker = (label: string, m: Measured, q: "p50" | "p95", target?: number) => ({
      metric: `${label} ${q}, client over HTTP`,
      figure: summarize(m.total)[q],
      unit: "ms",
      better: "lower" as const,
      limit: { value: summarize(m.inWorker)[q], what: `in-Worker ${q} (Server-Timing)` },
      ...(target === undefined ? {} : { target }),
    });
    reportFigures(
      "edge",
      `Public catalog through the edge (wrangler dev), ${paths.length} requests`,
      [
        clientVsWorker("cold (MISS)", cold, "p50"),
        clientVsWorker("cached (HIT)", cached, "p50"),
        clientVsWorker("cached (HIT)", cached, "p95", 10),
        {
          metric: "origin API /public p50 (the edge's origin, direct)",
          figure: summarize(direct.total).p50,
          unit: "ms",
          better: "lower",
          note: `${unexpected} unexpected X-Lumen-Cache`,
        },
      ],
    );
  } finally {
    await edge.stop();
  }
}

/** ≥ 50 list requests mixing filters, sorts, pages and text, in several spellings. */
function catalogQueries(): string[] {
  const queries: string[] = [];
  CATEGORIES.forEach((category, i) => {
    queries.push(`/courses?category=${encodeURIComponent(category)}`);
    const level = COURSE_LEVELS[i % COURSE_LEVELS.length] ?? "beginner";
    queries.push(`/courses?level=${level}&category=${encodeURIComponent(category)}&sort=rating`);
  });
  for (const language of LANGUAGE_CODES) queries.push(`/courses?language=${language}`);
  for (const sort of ["newest", "rating", "enrollments"]) {
    for (const page of [1, 2, 5]) queries.push(`/courses?sort=${sort}&page=${page}`);
  }
  const words = ["python", "machine learning", "pyhton", "data", "design", "sql", "statistics"];
  for (const word of words) {
    queries.push(`/courses?query=${encodeURIComponent(word)}`);
    queries.push(`/courses?query=${encodeURIComponent(word)}&level=beginner&pageSize=10`);
  }
  for (const rating of [3, 4, 4.5]) queries.push(`/courses?minRating=${rating}&sort=rating`);
  return queries;
}

interface Measured {
  total: number[];
  inWorker: number[];
  etags: Map<string, string>;
  unexpected: number;
}

async function measure(
  urls: string[],
  expected?: string,
  etags?: Map<string, string>,
): Promise<Measured> {
  const out: Measured = { total: [], inWorker: [], etags: new Map(), unexpected: 0 };
  for (const url of urls) {
    const etag = etags?.get(url);
    const { ms, res } = await timed(url, etag ? { "if-none-match": etag } : {});
    if (!res.ok && res.status !== 304) throw new Error(`${url} answered ${res.status}`);
    out.total.push(ms);
    const worker = workerMs(res.headers);
    if (worker !== undefined) out.inWorker.push(worker);
    if (expected && res.headers.get("x-lumen-cache") !== expected) out.unexpected++;
    if (etags && res.status !== 304) out.unexpected++;
    const tag = res.headers.get("etag");
    if (tag) out.etags.set(url, tag);
  }
  return out;
}

async function timed(url: string, headers: Record<string, string> = {}) {
  const started = performance.now();
  const res = await fetch(url, { headers });
  await res.arrayBuffer();
  return { ms: performance.now() - started, res };
}

function repeat<T>(items: T[], times: number): T[] {
  return Array.from({ length: times }, () => items).flat();
}

await main();
