/**
 * Catalog search at scale: `pnpm bench search [courses=100000] [options]`
 *   service level (default): a fresh database on BENCH_DATABASE_URL / TEST_DATABASE_URL,
 *     `courses` synthetic courses, a full reindex (courses/s), then the fixed query set
 *     (lib/search-queries.ts) through searchCatalog, the function both transports call:
 *     first each query once (live, as a query nobody searched before), then the rounds
 *     (queries that match enough are kept precomputed after their first search).
 *   `--pglite`: the same on an in-process PGlite, whatever the environment says.
 *   `--live`: search without the precomputed (broad and searched) queries.
 *   `--iterations N`: measured rounds over the query set (default 15).
 *   `--api URL`:  the same queries over HTTP against a running API (`GET /public/courses`).
 *   `--edge URL`: the same against the edge Worker (`GET /courses`), cold pass then cached.
 *   `--prepare DATABASE_URL`: migrate, generate and index `courses` courses into that (empty,
 *     existing) database and keep it, to serve an API and edge for the HTTP modes.
 * Prints p50/p95/p99 in ms per kind of query and overall; measurements, not assertions.
 */

import { searchCatalog } from "@lumen/core/catalog";
import { createDatabase, migrate } from "@lumen/db";
import { createPostgresSearch } from "@lumen/search";
import { catalogQuerySchema } from "@lumen/shared";
import { benchArgs } from "./lib/args";
import { benchDatabase } from "./lib/database";
import { generateCourses } from "./lib/generate-courses";
import { catalogUrl, fetchCatalog } from "./lib/http-target";
import { QUERY_COUNT, SEARCH_QUERIES } from "./lib/search-queries";
import { printTable, summarize } from "./lib/stats";

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

/** Runs every case `rounds` times, round-robin, so no query enjoys a warmer cache than another. */
async function measure(rounds: number, run: (input: (typeof cases)[number]) => Promise<unknown>) {
  const samples = cases.map(() => [] as number[]);
  for (let round = 0; round < rounds; round++) {
    for (const [i, c] of cases.entries()) {
      const started = performance.now();
      await run(c);
      samples[i]?.push(performance.now() - started);
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

async function overHttp(base: string, path: string, label: string) {
  const urls = cases.map((c) => catalogUrl(base, path, c.input));
  const run = (c: (typeof cases)[number]) => fetchCatalog(urls[cases.indexOf(c)] ?? "");
  report(`${label}: first request per query (ms)`, await measure(1, run));
  report(`${label}: repeated, ${iterations} rounds (ms)`, await measure(iterations, run));
}

if (values.api) await overHttp(values.api, "/public/courses", `HTTP via API ${values.api}`);
if (values.edge) await overHttp(values.edge, "/courses", `HTTP via edge ${values.edge}`);
const courseCount = Number(positionals[0] ?? 100_000);
if (values.prepare) await prepare(values.prepare, courseCount);
else if (!values.api && !values.edge) await serviceLevel(courseCount);

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

async function serviceLevel(courses: number) {
  const { client, engine, dispose } = await benchDatabase({ pglite: values.pglite });
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
    const run = (c: (typeof cases)[number]) =>
      searchCatalog({ search, input: parsed.get(c) ?? catalogQuerySchema.parse({}) });
    // The first search of each query runs live (nothing searched is kept yet); it also
    // warms plans, caches and connections.
    report(`first search per query, ${engine} (ms)`, await measure(1, run));
    await measure(1, run); // warm-up; the queries the first pass kept are built meanwhile
    const samples = await measure(iterations, run);
    report(
      `searchCatalog (service), ${engine}, ${courses} courses, ${QUERY_COUNT} queries × ${iterations} rounds (ms)`,
      samples,
    );
    const slowest = cases
      .map((c, i) => ({ query: JSON.stringify(c.input), ...summarize(samples[i] ?? []) }))
      .sort((a, b) => b.p50 - a.p50)
      .slice(0, 8);
    printTable("slowest queries by median (ms)", slowest);
    console.log(`(elapsed since reindex: ${((performance.now() - started) / 1000).toFixed(0)} s)`);
  } finally {
    await dispose();
  }
}
