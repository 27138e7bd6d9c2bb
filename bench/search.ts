/**
 * Catalog search at scale: `pnpm bench search [courses=100000] [options]`
 *   service level (default): a fresh database on BENCH_DATABASE_URL / TEST_DATABASE_URL,
 *     `courses` synthetic courses, a full reindex (courses/s), then the fixed query set
 *     (lib/search-queries.ts) through searchCatalog, the function both transports call:
 *     first each query once (live, as a query nobody searched before), then the rounds
 *     (queries that match enough are kept precomputed after their first search).
 *     Beside it, the floor: the same SQL statements the service sent for each query (recorded
 *     from the driver, reads only), replayed on a plain node-postgres pool with no application
 *     code, with the same concurrency (a page and its facets in parallel), interleaved with the
 *     service's rounds; figures are reported as service ÷ floor (needs Postgres; not --pglite).
 *   `--pglite`: the same on an in-process PGlite, whatever the environment says.
 *   `--live`: search without the precomputed (broad and searched) queries.
 *   `--iterations N`: measured rounds over the query set (default 15).
 *   `--api URL`:  the same queries over HTTP against a running API (`GET /public/courses`).
 *   `--edge URL`: the same against the edge Worker (`GET /courses`), cold pass then cached;
 *     the client's time is reported beside the Worker's own (Server-Timing `worker;dur`), so
 *     the HTTP hop (wrangler dev's proxy, on loopback) shows as their ratio.
 *   `--prepare DATABASE_URL`: migrate, generate and index `courses` courses into that (empty,
 *     existing) database and keep it, to serve an API and edge for the HTTP modes.
 * Prints p50/p95/p99 in ms per kind of query and overall, and the headline figures through
 * lib/report.ts (bench/results/search.json); measurements, not assertions.
 */

import { searchCatalog } from "@lumen/core/catalog";
import { createDatabase, migrate } from "@lumen/db";
import { createPostgresSearch } from "@lumen/search";
import { catalogQuerySchema } from "@lumen/shared";
import { benchArgs } from "./lib/args";
import { benchDatabase } from "./lib/database";
import { generateCourses } from "./lib/generate-courses";
import { catalogUrl, fetchCatalog } from "./lib/http-target";
import { type BenchFigure, reportFigures } from "./lib/report";
import { QUERY_COUNT, SEARCH_QUERIES } from "./lib/search-queries";
import { printTable, summarize } from "./lib/stats";
import { floorPool, recordStatements, replay, type Waves } from "./search/floor";

const { values, positionals } = benchArgs({
  allowPositionals: true,
  options: {
    api: { type: "string" },
    edge: { type: "string" },
    prepare: { type: "string" },
    iterations: { type: "string", default: "15" },
    pglite: { type: "boolean", default: false },
    live: { type: "boolean", default: false },
  },
});
const iterations = Number(values.iterations);
const cases = Object.entries(SEARCH_QUERIES).flatMap(([kind, inputs]) =>
  inputs.map((input) => ({ kind, input })),
);

type Case = (typeof cases)[number];

/** Runs every case `rounds` times, round-robin, so no query enjoys a warmer cache than another. */
async function measure(rounds: number, run: (input: Case) => Promise<unknown>) {
  const [samples = []] = await measureEach(rounds, [run]);
  return samples;
}

/** As `measure`, for several ways of running a case, interleaved per case (load hits all alike). */
async function measureEach(rounds: number, runs: Array<(input: Case) => Promise<unknown>>) {
  const samples = runs.map(() => cases.map(() => [] as number[]));
  for (let round = 0; round < rounds; round++) {
    for (const [i, c] of cases.entries()) {
      for (const [r, run] of runs.entries()) {
        const started = performance.now();
        await run(c);
        samples[r]?.[i]?.push(performance.now() - started);
      }
    }
  }
  return samples;
}

function report(title: string, samples: number[][]) {
  const kinds = [...new Set(cases.map((c) => c.kind))];
  const rows = kinds.map((kind) => {
    const own = cases.flatMap((c, i) => (c.kind === kind ? (samples[i] ?? []) : []));
    return { kind, queries: cases.filter((c) => c.kind === kind).length, ...summarize(own) };
  });
  const all = samples.flat();
  const withoutBroad = cases.flatMap((c, i) => (c.kind === "broad word" ? [] : (samples[i] ?? [])));
  rows.push({ kind: "ALL", queries: cases.length, ...summarize(all) });
  rows.push({ kind: "ALL but broad", queries: cases.length - 3, ...summarize(withoutBroad) });
  printTable(title, rows);
}

const all = (samples: number[][]) => samples.flat();
const p = (samples: number[][], q: "p50" | "p95") => summarize(all(samples))[q];

async function overHttp(base: string, path: string, label: string): Promise<BenchFigure[]> {
  const urls = cases.map((c) => catalogUrl(base, path, c.input));
  const inWorker = cases.map(() => [] as number[]);
  let recording = false;
  const run = async (c: Case) => {
    const i = cases.indexOf(c);
    const { workerMs } = await fetchCatalog(urls[i] ?? "");
    if (recording && workerMs !== undefined) inWorker[i]?.push(workerMs);
  };
  const first = await measure(1, run);
  report(`${label}: first request per query (ms)`, first);
  recording = true;
  const repeated = await measure(iterations, run);
  report(`${label}: repeated, ${iterations} rounds (ms)`, repeated);
  if (path === "/public/courses") {
    const what = `all ${QUERY_COUNT} queries through the API, repeated`;
    return [
      {
        metric: `p95, ${what}`,
        figure: p(repeated, "p95"),
        unit: "ms",
        better: "lower",
        target: 50,
      },
    ];
  }
  report(`${label}: in-Worker time (Server-Timing worker;dur), repeated (ms)`, inWorker);
  const limit = (q: "p50" | "p95") => ({
    value: p(inWorker, q),
    what: `in-Worker ${q} (Server-Timing), same requests`,
  });
  const what = `all ${QUERY_COUNT} queries through the edge, cached, client`;
  return [
    {
      metric: `p50, ${what}`,
      figure: p(repeated, "p50"),
      unit: "ms",
      better: "lower",
      limit: limit("p50"),
    },
    {
      metric: `p95, ${what}`,
      figure: p(repeated, "p95"),
      unit: "ms",
      better: "lower",
      limit: limit("p95"),
      target: 10,
    },
  ];
}

const courseCount = Number(positionals[0] ?? 100_000);
const figures: BenchFigure[] = [];
if (values.api)
  figures.push(...(await overHttp(values.api, "/public/courses", `HTTP via API ${values.api}`)));
if (values.edge)
  figures.push(...(await overHttp(values.edge, "/courses", `HTTP via edge ${values.edge}`)));
if (values.prepare) await prepare(values.prepare, courseCount);
else if (!values.api && !values.edge) figures.push(...(await serviceLevel(courseCount)));
if (figures.length > 0) {
  const mode = values.edge ? "edge" : values.api ? "API" : "service";
  reportFigures(
    values.edge ? "search-edge" : values.api ? "search-api" : "search",
    `Catalog search (${mode}), ${QUERY_COUNT} queries × ${iterations} rounds`,
    figures,
  );
}

async function prepare(url: string, courses: number) {
  const client = createDatabase({ driver: "postgres", url });
  try {
    await migrate(client);
    await generateCourses(client.db, courses);
    const { indexed, ms } = await createPostgresSearch({ db: client.db }).reindexAll();
    console.log(
      `prepared ${url}: ${courses} courses, ${indexed} indexed in ${(ms / 1000).toFixed(1)} s`,
    );
  } finally {
    await client.close();
  }
}

async function serviceLevel(courses: number): Promise<BenchFigure[]> {
  const { client, engine, url, dispose } = await benchDatabase({ pglite: values.pglite });
  try {
    let started = performance.now();
    await generateCourses(client.db, courses);
    const generatedS = (performance.now() - started) / 1000;
    console.log(`${engine}: generated ${courses} courses in ${generatedS.toFixed(1)} s`);
    const search = createPostgresSearch({
      db: client.db,
      ...(values.live ? { broad: false } : {}),
    });
    started = performance.now();
    const { indexed, ms } = await search.reindexAll();
    const rate = Math.round(indexed / (ms / 1000));
    console.log(
      `full reindex: ${indexed} published courses in ${(ms / 1000).toFixed(1)} s, ${rate} courses/s`,
    );
    const parsed = new Map(cases.map((c) => [c, catalogQuerySchema.parse(c.input)]));
    const run = (c: Case) =>
      searchCatalog({ search, input: parsed.get(c) ?? catalogQuerySchema.parse({}) });
    // The first search of each query runs live (nothing searched is kept yet); it also
    // warms plans, caches and connections.
    report(`first search per query, ${engine} (ms)`, await measure(1, run));
    await measure(1, run); // warm-up; the queries the first pass kept are built meanwhile
    // The floor's statements: what each query sends once warm (kept queries built by now).
    const waves = new Map<Case, Waves>();
    if (url) for (const c of cases) waves.set(c, await recordStatements(() => run(c)));
    const pool = url ? floorPool(url) : undefined;
    const floor = async (c: Case) => {
      if (pool) await replay(pool, waves.get(c) ?? []);
    };
    if (pool) await measure(1, floor); // warm the floor's connections and plans too
    const [samples = [], floorSamples = []] = await measureEach(
      iterations,
      pool ? [run, floor] : [run],
    );
    await pool?.end();
    report(
      `searchCatalog (service), ${engine}, ${courses} courses, ${QUERY_COUNT} queries × ${iterations} rounds (ms)`,
      samples,
    );
    if (pool) {
      report(`floor: the same SQL on a plain pool, no application code (ms)`, floorSamples);
      const statements = [...waves.values()].map((w) => w.flat().length);
      console.log(
        `floor statements per query: ${Math.min(...statements)}–${Math.max(...statements)} ` +
          `(${statements.reduce((a, b) => a + b, 0)} for ${QUERY_COUNT} queries)`,
      );
    }
    const slowest = cases
      .map((c, i) => ({ query: JSON.stringify(c.input), ...summarize(samples[i] ?? []) }))
      .sort((a, b) => b.p50 - a.p50)
      .slice(0, 8);
    printTable("slowest queries by median (ms)", slowest);
    console.log(`(elapsed since reindex: ${((performance.now() - started) / 1000).toFixed(0)} s)`);
    const limit = (q: "p50" | "p95") =>
      pool ? { value: p(floorSamples, q), what: `raw SQL floor ${q}, same statements` } : undefined;
    const withoutBroad = (xs: number[][]) => xs.filter((_, i) => cases[i]?.kind !== "broad word");
    const floorBut = limit("p95") && {
      value: p(withoutBroad(floorSamples), "p95"),
      what: "raw SQL floor p95, same statements",
    };
    const of = `${courses} courses, service`;
    return [
      {
        metric: `p50, all queries, ${of}`,
        figure: p(samples, "p50"),
        unit: "ms",
        better: "lower",
        ...opt(limit("p50")),
      },
      {
        metric: `p95, all queries, ${of}`,
        figure: p(samples, "p95"),
        unit: "ms",
        better: "lower",
        ...opt(limit("p95")),
        target: 10,
      },
      {
        metric: `p95, all but broad, ${of}`,
        figure: p(withoutBroad(samples), "p95"),
        unit: "ms",
        better: "lower",
        ...opt(floorBut),
        target: 10,
      },
      { metric: "full reindex", figure: rate, unit: "courses/s", better: "higher" },
    ];
  } finally {
    await dispose();
  }
}

function opt(limit: BenchFigure["limit"]) {
  return limit ? { limit } : {};
}
