/**
 * Progress ingest: `pnpm bench progress [options]`
 *   --seconds N        measured seconds per shape (default 60)
 *   --warmup N         warm-up seconds before measuring each shape (default 5)
 *   --clients N        concurrent players (default 16)
 *   --batch N          events per request (default 50)
 *   --shapes LIST      several shapes in one run, CLIENTSxBATCH comma-separated, e.g.
 *                      16x50,64x12 (default: --clients x --batch)
 *   --rate N           open loop: offer N events/s in all (each client on a fixed schedule,
 *                      latency from the scheduled send); default: closed loop, as fast as it goes
 *   --limit-seconds N  measured seconds of the no-write HTTP limit per shape (default 15)
 *   --copy-events N    events COPYed for the write limit (default 500000)
 *   --learners N       signed-up learners; client c plays learner c mod N (default: the
 *                      largest client count)
 *   --courses N        courses of 8 video + 2 text lessons (default 8)
 *   --profile-api DIR  write a CPU profile of the API process there
 * Needs Postgres (BENCH_DATABASE_URL / TEST_DATABASE_URL). Creates a fresh database, starts
 * the real API server process (apps/api/src/server.ts) on loopback, signs up the learners over
 * HTTP and enrolls each in a course, then per shape runs the players that POST `batch` events
 * per request to PROGRESS_BEACON_PATH (the SPA's progress route) with their session cookie, for a
 * warm-up and then `seconds` measured, and checks that every acknowledged event id is in
 * progress_events. Then, in the same run, the limits (issue 17): the same requests against the
 * same Node/Hono stack acknowledging without writing (bench/progress/ack-server.ts, its own
 * process like the API), and COPY of events of the same shape straight into progress_events
 * from one connection. Reports ingest as a ratio to each (bench/lib/report.ts). Measurements,
 * not assertions; exits 1 if an acknowledged event is missing.
 * Issue 17's run, both shapes 60 s:  pnpm bench progress --shapes 16x50,64x12
 * The CPU target at a fixed rate:    pnpm bench progress --shapes 16x50,64x12 --rate 10000
 */
import { startMailbox } from "@lumen/tools/mailbox";
import pg from "pg";
import { benchArgs } from "./lib/args";
import { benchDatabase } from "./lib/database";
import { reportFigures } from "./lib/report";
import { startAckServer, startApiServer } from "./progress/api-server";
import { copyLimit } from "./progress/copy-limit";
import { detailRows, shapeFigures } from "./progress/figures";
import { measureShape, parseShapes, type ShapeRun, shapeName } from "./progress/measure";
import { countLost } from "./progress/verify";
import { createCourses, signUpLearners, startPlaybackLongAgo } from "./progress/world";

const { values } = benchArgs({
  options: {
    seconds: { type: "string", default: "60" },
    warmup: { type: "string", default: "5" },
    clients: { type: "string", default: "16" },
    batch: { type: "string", default: "50" },
    shapes: { type: "string" },
    rate: { type: "string" },
    "limit-seconds": { type: "string", default: "15" },
    "copy-events": { type: "string", default: "500000" },
    learners: { type: "string" },
    courses: { type: "string", default: "8" },
    "profile-api": { type: "string" },
  },
});
const shapes = parseShapes(values.shapes ?? `${values.clients}x${values.batch}`);
const config = {
  seconds: Number(values.seconds),
  warmup: Number(values.warmup),
  rate: values.rate === undefined ? undefined : Number(values.rate),
  limitSeconds: Number(values["limit-seconds"]),
  copyEvents: Number(values["copy-events"]),
  learners: Number(values.learners ?? Math.max(...shapes.map((s) => s.clients))),
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
  const started = performance.now();
  const learners = await signUpLearners(api.url, mailbox, config.learners, courseList);
  await startPlaybackLongAgo(database.client.db, learners);
  console.log(
    `${learners.length} learners signed up and enrolled in ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
      `shapes ${shapes.map(shapeName).join(", ")} (clients × events/request), ` +
      `${config.rate ? `open loop at ${config.rate} events/s` : "closed loop"}, ` +
      `${config.warmup} s warm-up + ${config.seconds} s measured each`,
  );

  const ingest: Array<{ run: ShapeRun; lost: number }> = [];
  for (const shape of shapes) {
    const run = await measureShape({
      url: api.url,
      serverPid: api.pid,
      learners,
      shape,
      warmupSeconds: config.warmup,
      seconds: config.seconds,
      rate: config.rate,
      stats: { client: stats, database: dbName },
    });
    ingest.push({ run, lost: await countLost(database.url, run.acknowledged) });
    printDetails(`Ingest through the API, ${shapeName(shape)}`, run, ingest.at(-1)?.lost);
  }
  await api.stop();

  const ack = await startAckServer();
  const acks: ShapeRun[] = [];
  try {
    for (const shape of shapes) {
      const run = await measureShape({
        url: ack.url,
        serverPid: ack.pid,
        learners,
        shape,
        warmupSeconds: Math.min(config.warmup, 3),
        seconds: config.limitSeconds,
        rate: config.rate,
      });
      acks.push(run);
      printDetails(`Limit: the HTTP stack acknowledging without writing, ${shapeName(shape)}`, run);
    }
  } finally {
    await ack.stop();
  }

  const copy = await copyLimit(database.url, learners, config.copyEvents);
  console.log(
    `\nLimit: COPY of ${copy.count} events into progress_events from one connection: ` +
      `${copy.seconds.toFixed(1)} s, ${copy.eventsPerSecond.toFixed(0)} events/s`,
  );

  reportFigures(
    "progress",
    `Progress ingest through the API (HTTP → progress route → group commit → ${database.engine})`,
    ingest.flatMap(({ run, lost }, i) => {
      const limit = acks[i];
      if (!limit) throw new Error("no HTTP limit for a shape");
      return shapeFigures({
        ingest: run,
        ack: limit,
        copyEventsPerSecond: copy.eventsPerSecond,
        lost,
        rate: config.rate,
      });
    }),
  );
  if (ingest.some((r) => r.lost > 0)) process.exitCode = 1;
} finally {
  await stats.end().catch(() => {});
  await api.stop();
  await mailbox.close();
  if (process.env.BENCH_VERBOSE) console.log(api.output());
  await database.dispose();
}

function printDetails(title: string, run: ShapeRun, lost?: number) {
  console.log(`\n${title}\n\n| metric | value |\n|---|---|`);
  for (const [k, v] of detailRows(run, lost)) console.log(`| ${k} | ${v} |`);
  if (run.firstError) console.log(`first failed request: ${run.firstError}`);
}
