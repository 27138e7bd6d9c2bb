/**
 * Public REST API v1 against tRPC: `pnpm bench public-api [options]`
 *   --requests N      measured requests per variant per round (default 400)
 *   --rounds N        rounds; each runs every variant once, in a rotated order (default 3)
 *   --warmup N        unmeasured requests per variant first (default 100)
 *   --clients N       concurrent closed-loop clients (default 8)
 *   --max-seconds N   a phase stops after this long whatever its count (default 30)
 *   --only A,B        run only these transports ("trpc", "rest", "cookie", "key"), e.g. to profile one
 *   --profile-api DIR write a CPU profile of the API process there
 * Needs Postgres (BENCH_DATABASE_URL / TEST_DATABASE_URL). Creates a fresh database, starts
 * the real API server process (apps/api/src/server.ts) on loopback, signs up one learner per
 * client over HTTP, enrolls each in a course and gives each a write API key (createApiKey).
 * Then, in one run against that process, measures the same work through both transports:
 * `POST /api/v1/enrollments` vs tRPC `enrollment.enroll` (already enrolled: the same service
 * path every time), and `PUT /api/v1/progress/{e}/lessons/{l}` vs tRPC `progress.record`
 * (one event per request on both), each REST call also with a fresh `Idempotency-Key`, and
 * with the session cookie instead of the key (the layer's cost apart from the key lookup).
 * Prints req/s, p50/p99 latency, the API process's CPU per request and the ratios (REST's
 * target: at most 1.15× tRPC's cost). Measurements, not assertions.
 *
 * The limits (bench/lib/report.ts), measured in the same rounds: an HTTP server on the same
 * stack (Hono on @hono/node-server, its own Node process: bench/public-api/noop-server.ts)
 * that reads each request and answers without work, sent the REST requests of each operation
 * by the same clients — the req/s floor every transport is a share of; and the tRPC path,
 * which REST's time per request (the inverse of its throughput) is a ratio to, target ≤ 1.15×.
 */
import { startMailbox } from "@lumen/tools/mailbox";
import { benchArgs } from "./lib/args";
import { benchDatabase } from "./lib/database";
import { type BenchFigure, reportFigures } from "./lib/report";
import { percentile } from "./lib/stats";
import { startApiServer } from "./progress/api-server";
import { cpuSeconds } from "./progress/cpu";
import { createCourses } from "./progress/world";
import { startNoopServer } from "./public-api/floor";
import { apiLearners } from "./public-api/learners";
import { type PhaseResult, runPhase } from "./public-api/load";
import { VARIANTS, type Variant } from "./public-api/variants";

const { values } = benchArgs({
  options: {
    requests: { type: "string", default: "400" },
    rounds: { type: "string", default: "3" },
    warmup: { type: "string", default: "100" },
    clients: { type: "string", default: "8" },
    "max-seconds": { type: "string", default: "30" },
    only: { type: "string" },
    /** Directory for a CPU profile of the API process (node --cpu-prof), written at exit. */
    "profile-api": { type: "string" },
  },
});
const config = {
  requests: Number(values.requests),
  rounds: Number(values.rounds),
  warmup: Number(values.warmup),
  clients: Number(values.clients),
  maxSeconds: Number(values["max-seconds"]),
  only: values.only?.split(",").map((t) => t.trim()),
};
const TRANSPORT_FLAGS: Record<Variant["transport"], string> = {
  tRPC: "trpc",
  REST: "rest",
  "REST (cookie)": "cookie",
  "REST + Idempotency-Key": "key",
};
const variants = VARIANTS.filter(
  (v) => !config.only || config.only.includes(TRANSPORT_FLAGS[v.transport]),
);
const profileDir = values["profile-api"];

const database = await benchDatabase();
if (!database.url) throw new Error("pnpm bench public-api needs Postgres: set TEST_DATABASE_URL");
const mailbox = await startMailbox();
// The per-caller rate limit is a policy, not a cost: set out of reach so nothing is refused.
const api = await startApiServer({
  databaseUrl: database.url,
  env: { SMTP_URL: mailbox.url, API_RATE_LIMIT: "1000000" },
  nodeArgs: profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [],
});

/** An API variant, or the floor: the no-op server sent the REST requests of an operation. */
type Measured = Omit<Variant, "transport"> & { transport: Variant["transport"] | typeof FLOOR };
const FLOOR = "no-op server";
interface Totals {
  variant: Measured;
  /** Where it is sent and whose CPU it costs. */
  server: { url: string; pid: number };
  phases: PhaseResult[];
  apiCpu: number;
}
const noop = await startNoopServer();

try {
  const courseList = await createCourses(database.client.db, {
    count: Math.min(config.clients, 8),
    videos: 2,
    texts: 1,
    videoSeconds: 300,
  });
  const learners = await apiLearners(
    database.client.db,
    api.url,
    mailbox,
    config.clients,
    courseList,
  );
  const run = ({ variant, server }: Pick<Totals, "variant" | "server">, requests: number) =>
    runPhase({
      apiUrl: server.url,
      clients: config.clients,
      requests,
      maxSeconds: config.maxSeconds,
      call: (client, i) => {
        const learner = learners[client % learners.length];
        if (!learner) throw new Error("no learner for client");
        return variant.call(learner, i);
      },
      ok: variant.ok,
    });

  const floors: Measured[] = [...new Set(variants.map((v) => v.operation))].flatMap((op) => {
    const rest = VARIANTS.find((v) => v.operation === op && v.transport === "REST");
    return rest ? [{ ...rest, transport: FLOOR, ok: (status: number) => status === 200 }] : [];
  });
  const apiServer = { url: api.url, pid: api.pid };
  const totals: Totals[] = [
    ...variants.map((variant) => ({ variant, server: apiServer, phases: [], apiCpu: 0 })),
    ...floors.map((variant) => ({ variant, server: noop, phases: [], apiCpu: 0 })),
  ];
  for (const entry of totals) await run(entry, config.warmup);
  for (let round = 0; round < config.rounds; round += 1) {
    // Rotating the order spreads drift (a neighbour's load, autovacuum) over every variant.
    for (let k = 0; k < totals.length; k += 1) {
      const entry = totals[(k + round) % totals.length];
      if (!entry) continue;
      const cpuBefore = cpuSeconds(entry.server.pid);
      entry.phases.push(await run(entry, config.requests));
      entry.apiCpu += cpuSeconds(entry.server.pid) - cpuBefore;
    }
  }
  printReport(totals);
} finally {
  await noop.stop();
  await api.stop();
  await mailbox.close();
  if (process.env.BENCH_VERBOSE) console.log(api.output());
  await database.dispose();
}

function printReport(totals: Totals[]) {
  const rows = totals.map(({ variant, phases, apiCpu }) => {
    const requests = phases.reduce((n, p) => n + p.requests, 0);
    const seconds = phases.reduce((n, p) => n + p.seconds, 0);
    const latencies = phases.flatMap((p) => p.latencies);
    return {
      variant,
      requests,
      errors: phases.reduce((n, p) => n + p.errors, 0),
      firstError: phases.find((p) => p.firstError)?.firstError ?? null,
      rate: requests / seconds,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      cpuMs: (apiCpu * 1000) / requests,
    };
  });
  type Row = (typeof rows)[number];
  const find = (op: string, transport: string) =>
    rows.find((r) => r.variant.operation === op && r.variant.transport === transport);
  // Cost of a request relative to a baseline: time per request (inverse throughput).
  const ratio = (row: Row, base: Row | undefined) =>
    base ? `${fmt(base.rate / row.rate, 2)}× time, ${fmt(row.cpuMs / base.cpuMs, 2)}× CPU` : "";

  console.log(
    `\nPublic API v1 vs tRPC, one API process on loopback (${config.clients} clients, ` +
      `${config.rounds} rounds × ${config.requests} requests per variant after ${config.warmup} warm-up)\n`,
  );
  console.log(
    "| operation | transport | requests | errors | req/s | p50 ms | p99 ms | API CPU ms/req | vs tRPC | vs REST without key |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|---|");
  for (const row of rows) {
    const { operation, transport } = row.variant;
    const trpc = transport === "tRPC" ? undefined : find(operation, "tRPC");
    const plain = transport === "REST + Idempotency-Key" ? find(operation, "REST") : undefined;
    console.log(
      `| ${operation} | ${transport} | ${row.requests} | ${row.errors} | ${fmt(row.rate, 0)} | ` +
        `${fmt(row.p50, 1)} | ${fmt(row.p99, 1)} | ${fmt(row.cpuMs, 2)} | ${ratio(row, trpc)} | ${ratio(row, plain)} |`,
    );
  }
  for (const row of rows) {
    if (row.firstError) {
      console.log(
        `\nfirst failed ${row.variant.operation} ${row.variant.transport}: ${row.firstError}`,
      );
    }
  }
  if (rows.some((r) => r.errors > 0)) process.exitCode = 1;
  reportFigures(
    "public-api",
    `Public API v1 vs tRPC and an HTTP server that does no work (${config.clients} clients)`,
    headlineFigures(rows, find),
  );
}

/** Per operation: each transport's req/s as a share of the floor's; REST's cost against tRPC's. */
function headlineFigures(
  rows: Array<{ variant: Measured; rate: number }>,
  find: (op: string, transport: string) => { rate: number } | undefined,
): BenchFigure[] {
  const figures: BenchFigure[] = [];
  for (const row of rows) {
    const { operation, transport } = row.variant;
    if (transport === FLOOR) continue;
    const floor = find(operation, FLOOR);
    figures.push({
      metric: `${operation}, ${transport}: throughput`,
      figure: row.rate,
      unit: "req/s",
      better: "higher",
      ...(floor ? { limit: { value: floor.rate, what: "no-op server, same stack" } } : {}),
    });
    const trpc = find(operation, "tRPC");
    if (transport === "tRPC" || transport === "REST (cookie)" || !trpc) continue;
    // Time per request, the inverse of throughput: the cost REST's target is stated in.
    figures.push({
      metric: `${operation}, ${transport}: time per request against tRPC's`,
      figure: 1000 / row.rate,
      unit: "ms",
      better: "lower",
      limit: { value: 1000 / trpc.rate, what: "tRPC, same run" },
      target: (1000 / trpc.rate) * 1.15,
    });
  }
  return figures;
}

function fmt(n: number, digits: number): string {
  return Number.isFinite(n) ? n.toFixed(digits) : "n/a";
}
