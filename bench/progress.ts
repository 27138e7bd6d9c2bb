/**
 * Progress ingest: `pnpm bench progress [options]`
 *   --seconds N       measured seconds (default 60)
 *   --warmup N        warm-up seconds before measuring (default 5)
 *   --clients N       concurrent closed-loop players (default 16)
 *   --batch N         events per request (default 50)
 *   --learners N      signed-up learners; client c plays learner c mod N (default: one per client)
 *   --courses N       courses of 8 video + 2 text lessons (default 8)
 *   --profile-api DIR write a CPU profile of the API process there
 * Needs Postgres (BENCH_DATABASE_URL / TEST_DATABASE_URL). Creates a fresh database, starts
 * the real API server process (apps/api/src/server.ts) on loopback, signs up `learners`
 * learners over HTTP and enrolls each in a course, then runs `clients` closed-loop players
 * that POST `batch` events per request to /trpc/progress.record (the beacon shape) with their
 * session cookie, for a warm-up and then `seconds` measured. Afterwards it checks that every
 * acknowledged event id is in progress_events. Prints a markdown table; measurements, not
 * assertions.
 */
import { startMailbox } from "@lumen/tools/mailbox";
import pg from "pg";
import { benchArgs } from "./lib/args";
import { benchDatabase } from "./lib/database";
import { percentile } from "./lib/stats";
import { startApiServer } from "./progress/api-server";
import { cpuSeconds, trackCpu } from "./progress/cpu";
import { runLoad } from "./progress/load";
import { commitsSoFar, countLost } from "./progress/verify";
import { createCourses, signUpLearners, startPlaybackLongAgo } from "./progress/world";

const { values } = benchArgs({
  options: {
    seconds: { type: "string", default: "60" },
    warmup: { type: "string", default: "5" },
    clients: { type: "string", default: "16" },
    batch: { type: "string", default: "50" },
    /** Signed-up learners; client c plays learner c mod learners. Default: one per client. */
    learners: { type: "string" },
    courses: { type: "string", default: "8" },
    /** Directory for a CPU profile of the API process (node --cpu-prof), written at exit. */
    "profile-api": { type: "string" },
  },
});
const config = {
  seconds: Number(values.seconds),
  warmup: Number(values.warmup),
  clients: Number(values.clients),
  batch: Number(values.batch),
  learners: Number(values.learners ?? values.clients),
  courses: Number(values.courses),
};

const database = await benchDatabase();
if (!database.url) throw new Error("pnpm bench progress needs Postgres: set TEST_DATABASE_URL");
const dbName = new URL(database.url).pathname.slice(1);
const profileDir = values["profile-api"];
// Sign-ups are confirmed by email: the API mails this in-process SMTP server.
const mailbox = await startMailbox();
const api = await startApiServer({
  databaseUrl: database.url,
  env: { SMTP_URL: mailbox.url },
  nodeArgs: profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [],
});
const stats = new pg.Client({ connectionString: database.url });
await stats.connect();

try {
  const courseList = await createCourses(database.client.db, {
    count: config.courses,
    videos: 8,
    texts: 2,
    videoSeconds: 300,
  });
  let started = performance.now();
  let clientCpuStart = process.cpuUsage();
  const learners = await signUpLearners(api.url, mailbox, config.learners, courseList);
  await startPlaybackLongAgo(database.client.db, learners);
  console.log(
    `${learners.length} learners signed up and enrolled in ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
      `${config.clients} clients × ${config.batch} events/request, ${config.warmup} s warm-up + ${config.seconds} s measured`,
  );

  const marks: { start?: WindowStart } = {};
  const pgBackends = trackCpu(async () => {
    const { rows } = await stats.query<{ pid: number }>(
      "select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
      [dbName],
    );
    return rows.map((r) => r.pid);
  });
  const load = await runLoad({
    apiUrl: api.url,
    learners,
    clients: config.clients,
    batch: config.batch,
    warmupSeconds: config.warmup,
    seconds: config.seconds,
    onMeasureStart: async () => {
      clientCpuStart = process.cpuUsage();
      await pgBackends.start();
      marks.start = {
        commits: await commitsSoFar(stats, dbName),
        apiCpu: cpuSeconds(api.pid),
        at: performance.now(),
      };
    },
  });
  const clientCpu = process.cpuUsage(clientCpuStart);
  const end = {
    pgCpu: await pgBackends.stop(),
    commits: await commitsSoFar(stats, dbName),
    apiCpu: cpuSeconds(api.pid),
    at: performance.now(),
  };
  started = performance.now();
  const lost = await countLost(database.url, load.acknowledged);
  const verifySeconds = (performance.now() - started) / 1000;

  const w = marks.start;
  const elapsed = w ? (end.at - w.at) / 1000 : Number.NaN;
  const rows: Array<[string, string]> = [
    ["events/s sustained", fmt(load.measuredEvents / load.measuredSeconds, 0)],
    ["requests/s", fmt(load.measuredRequests / load.measuredSeconds, 0)],
    ["p50 ack latency (ms)", fmt(percentile(load.latencies, 50), 1)],
    ["p99 ack latency (ms)", fmt(percentile(load.latencies, 99), 1)],
    [
      "max ack latency (ms)",
      fmt(
        load.latencies.reduce((a, b) => Math.max(a, b), 0),
        1,
      ),
    ],
    ["acknowledged events (whole run)", String(new Set(load.acknowledged).size)],
    ["lost (acknowledged, not in progress_events)", String(lost)],
    ["failed requests (resent)", String(load.errors)],
    ["DB commits/s (all transactions)", w ? fmt((end.commits - w.commits) / elapsed, 0) : "n/a"],
    ["API process CPU (cores)", w ? fmt((end.apiCpu - w.apiCpu) / elapsed, 2) : "n/a"],
    ["Postgres backends CPU (cores)", w ? fmt(end.pgCpu / elapsed, 2) : "n/a"],
    [
      "bench client CPU (cores)",
      w ? fmt((clientCpu.user + clientCpu.system) / 1e6 / elapsed, 2) : "n/a",
    ],
    [
      "config",
      `${config.clients} clients, ${config.batch} events/request, ${config.learners} learners, ` +
        `${config.courses} courses × 10 lessons, ${config.seconds} s measured after ${config.warmup} s warm-up`,
    ],
  ];
  console.log(
    `\nProgress ingest through the API (HTTP → tRPC → group commit → ${database.engine})\n`,
  );
  console.log("| metric | value |\n|---|---|");
  for (const [k, v] of rows) console.log(`| ${k} | ${v} |`);
  console.log(
    `\n(verified ${load.acknowledged.length} acknowledgements in ${verifySeconds.toFixed(1)} s)`,
  );
  if (load.firstError) console.log(`first failed request: ${load.firstError}`);
  if (lost > 0) process.exitCode = 1;
} finally {
  await stats.end();
  await api.stop();
  await mailbox.close();
  if (process.env.BENCH_VERBOSE) console.log(api.output());
  await database.dispose();
}

interface WindowStart {
  commits: number;
  apiCpu: number;
  at: number;
}

function fmt(n: number, digits: number): string {
  return Number.isFinite(n) ? n.toFixed(digits) : "n/a";
}
