/**
 * Certificate verification at the edge: `pnpm bench verify [--runs 3] [--per-scenario 50]`
 *
 * Starts `wrangler dev --local` for the edge Worker with the origin API NOT running
 * (ORIGIN_API_URL points at a closed port), a throwaway Postgres (TEST_DATABASE_URL, else
 * PGlite over the wire) holding signed certificates, and tools/neon-ws-proxy so the Worker's
 * Neon driver reaches it. Half the certificates are also published to KV through the internal
 * PUT, as the API's job runner does. Then, per run and with fresh ids each time, it times
 * GET /certificates/:id/verify over loopback HTTP for:
 *   cached       — repeats within the 20 s verdict TTL (Cache API HIT);
 *   KV hit       — first request for a published certificate (KV reads of the record and of
 *                  its status list, signature check);
 *   KV miss → PG — first request for one only in Postgres (Neon driver over the proxy);
 *   PG down, KV  — the proxy stopped (Postgres unreachable), first request for a published one.
 * Prints p50/p95 in ms, medians over the runs, beside the Worker's own time for the same
 * requests (Server-Timing `worker;dur`); the headline figures (lib/report.ts,
 * bench/results/verify.json) give client p95 with that in-Worker p95 as the limit, so the ratio
 * is what the HTTP hop (wrangler dev's proxy on loopback) adds.
 */
import { startNeonWsProxy } from "@lumen/tools/neon-ws-proxy";
import { freePort } from "@lumen/tools/net";
import { startWranglerDev } from "@lumen/tools/wrangler-dev";
import { benchArgs } from "./lib/args";
import { type BenchFigure, reportFigures } from "./lib/report";
import { insertCertificates, publishStatusListToEdge, publishToEdge } from "./verify/certificates";
import { reachableBenchDatabase } from "./verify/database";
import { type Measured, measureVerify, median } from "./verify/measure";

const { values } = benchArgs({
  options: {
    runs: { type: "string", default: "3" },
    "per-scenario": { type: "string", default: "50" },
    "cached-rounds": { type: "string", default: "10" },
  },
});
const runs = Number(values.runs);
const per = Number(values["per-scenario"]);
const cachedRounds = Number(values["cached-rounds"]);
const WARMUP = 10;

const database = await reachableBenchDatabase();
const pgPort = Number(new URL(database.url).port || 5432);
let proxy = await startNeonWsProxy({ allowedTargets: [pgPort] });
const proxyPort = proxy.port;
const originUrl = `http://127.0.0.1:${await freePort()}`;
console.log(`database: ${database.engine}; origin API: none at ${originUrl} (stopped)`);
const edge = await startWranglerDev({
  ORIGIN_API_URL: originUrl,
  DATABASE_URL: database.url,
  NEON_WS_PROXY: proxy.address,
});

try {
  // Per run: ids for KV hits (then reused for cached), Postgres-only, and KV hits with PG down.
  const total = WARMUP * 2 + runs * per * 3;
  console.log(`signing and inserting ${total} certificates…`);
  const all = await insertCertificates(database.client.db, total, edge.url);
  const take = (n: number) => all.splice(0, n);
  const warmKv = take(WARMUP);
  const warmPg = take(WARMUP);
  const plan = Array.from({ length: runs }, () => ({
    kv: take(per),
    pg: take(per),
    pgDownKv: take(per),
  }));
  const published = [...warmKv, ...plan.flatMap((p) => [...p.kv, ...p.pgDownKv])];
  console.log(`publishing ${published.length} to KV through PUT /internal/certificates/:id…`);
  for (const cert of published) await publishToEdge(edge.url, cert);
  await publishStatusListToEdge(database.client.db, edge.url);

  const ids = (certs: { id: string }[]) => certs.map((c) => c.id);
  // Compile and warm every code path on requests that are not measured.
  await measureVerify(edge.url, ids(warmKv), "MISS");
  await measureVerify(edge.url, ids(warmKv), "HIT");
  await measureVerify(edge.url, ids(warmPg), "MISS");

  const results: Record<string, Measured[]> = { cached: [], kv: [], pg: [], pgDown: [] };
  for (const [i, p] of plan.entries()) {
    results.kv?.push(await measureVerify(edge.url, ids(p.kv), "MISS"));
    const rounds = Array.from({ length: cachedRounds }, () => ids(p.kv)).flat();
    results.cached?.push(await measureVerify(edge.url, rounds, "HIT"));
    results.pg?.push(await measureVerify(edge.url, ids(p.pg), "MISS"));
    console.log(`run ${i + 1}/${runs} done (Postgres reachable)`);
  }
  await proxy.close();
  for (const [i, p] of plan.entries()) {
    results.pgDown?.push(await measureVerify(edge.url, ids(p.pgDownKv), "MISS"));
    console.log(`run ${i + 1}/${runs} done (Postgres unreachable)`);
  }
  proxy = await startNeonWsProxy({ port: proxyPort, allowedTargets: [pgPort] });

  const rows = [
    ["cached (Cache API hit)", results.cached, "p95 ≤ 10 ms"],
    ["uncached, KV hit", results.kv, "—"],
    ["KV miss → Postgres (Neon driver via ws proxy)", results.pg, "—"],
    ["Postgres unreachable, KV hit (uncached)", results.pgDown, "answers"],
  ] as const;
  const fmt = (x: number) => x.toFixed(2);
  console.log(
    `\nEdge certificate verification, origin API stopped; GET /certificates/:id/verify over ` +
      `loopback HTTP, one request in flight; medians of ${runs} runs (ms)\n`,
  );
  console.log(
    "| scenario | requests/run | p50 | p95 | in-worker p50 | in-worker p95 | unexpected | target |",
  );
  console.log("|---|---:|---:|---:|---:|---:|---:|---|");
  const figures: BenchFigure[] = [];
  for (const [name, measured = [], target] of rows) {
    const n = median(measured.map((m) => m.n));
    const p50 = median(measured.map((m) => m.p50));
    const p95 = median(measured.map((m) => m.p95));
    const w50 = median(measured.map((m) => m.workerP50));
    const w95 = median(measured.map((m) => m.workerP95));
    const bad = measured.reduce((sum, m) => sum + m.unexpected, 0);
    console.log(
      `| ${name} | ${n} | ${fmt(p50)} | ${fmt(p95)} | ${fmt(w50)} | ${fmt(w95)} | ${bad} | ${target} |`,
    );
    figures.push({
      metric: `${name} p95, client over HTTP`,
      figure: p95,
      unit: "ms",
      better: "lower",
      limit: { value: w95, what: "in-Worker p95 (Server-Timing)" },
      ...(target === "p95 ≤ 10 ms" ? { target: 10 } : {}),
      ...(bad > 0 ? { note: `${bad} unexpected` } : {}),
    });
  }
  console.log(`\ndatabase: ${database.engine}; wrangler dev (workerd, local mode) on 127.0.0.1`);
  console.log("in-worker times tick coarsely: workerd's clock advances only on I/O");
  reportFigures(
    "verify",
    `Edge certificate verification, origin API stopped; medians of ${runs} runs`,
    figures,
  );
} finally {
  await edge.stop();
  await proxy.close();
  await database.dispose();
}
