/**
 * Instructor dashboard at scale: `pnpm bench dashboard [options]`
 *   --learners N     enrollments in the course (default 100000)
 *   --events N       progress events, about (default 20000000)
 *   --attempts N     quiz attempts, about (default 1000000)
 *   --fresh          rebuild the dataset even if the database holds one of this size
 *   --runs N         timed calls of each dashboard read (default 30)
 *   --append N       events appended for the rollup's throughput (default 1000000)
 *   --load-seconds N seconds of progress load while the rollup loop runs (default 30)
 *   --clients N      closed-loop players of that load (default 16)
 *   --rollup-every N seconds between rollup runs' starts during it (default 10: how often the
 *                    API asks for one; 0 runs them back to back)
 *   --skip-reads     leave out the read timings (the rest still needs the rebuild)
 * Needs Postgres (BENCH_DATABASE_URL / TEST_DATABASE_URL).
 *
 * On its own database (lumen_bench_dashboard on that server, migrated, kept between runs:
 * bench/dashboard/database.ts) one course with 100k learners' activity over 90 days, made
 * with set-based SQL (bench/dashboard/dataset.ts; generation time printed). Then: the full
 * rollup rebuild (rebuildAnalytics), once; p50/p95 of every dashboard read as its procedure
 * calls it, warm (target p95 ≤ 100 ms); the rollup job's throughput over `--append` events
 * appended set-based (events/s); the rollup's lag while the real API server takes
 * `pnpm bench progress`'s load and the job runs at the runner's cadence (target ≤ 60 s); and the
 * learners CSV export of every learner, through the streaming export and over HTTP (time,
 * peak and growth of RSS and heap; target ≤ 10 s, memory flat). Measurements, not assertions.
 *
 * The limit beside each read (bench/lib/report.ts): its floor, the statements the service
 * call sent, recorded once and replayed straight through pg with no application code (all at
 * once over a pool of 10, bench/lib/raw-sql.ts). Those statements already read the rollup
 * tables, so the floor is what the rollups allow: the lever below it is the rollups themselves
 * (what they precompute and index), not the services. The rollup and the export report figures
 * against their targets without a limit.
 */
import {
  csvChunks,
  openAnalyticsExport,
  rebuildAnalytics,
  runAnalyticsRollup,
} from "@lumen/core/analytics";
import type { SessionUser } from "@lumen/core/kernel";
import { analyticsCursors, lessons, modules, users } from "@lumen/db";
import { startMailbox } from "@lumen/tools/mailbox";
import { asc, desc, eq } from "drizzle-orm";
import pg from "pg";
import { appendEvents } from "./dashboard/append";
import { openBenchDatabase, resetToBase } from "./dashboard/database";
import { instructorCookie } from "./dashboard/instructor";
import { measureLag } from "./dashboard/lag";
import { timeReads } from "./dashboard/reads";
import { measureStream, responseChunks } from "./dashboard/stream";
import { benchArgs } from "./lib/args";
import { rawSql } from "./lib/raw-sql";
import { type BenchFigure, reportFigures } from "./lib/report";
import { printTable } from "./lib/stats";
import { startApiServer } from "./progress/api-server";
import { WEB_ORIGIN } from "./progress/world";

const { values } = benchArgs({
  options: {
    learners: { type: "string", default: "100000" },
    events: { type: "string", default: "20000000" },
    attempts: { type: "string", default: "1000000" },
    fresh: { type: "boolean", default: false },
    runs: { type: "string", default: "30" },
    append: { type: "string", default: "1000000" },
    "load-seconds": { type: "string", default: "30" },
    clients: { type: "string", default: "16" },
    "rollup-every": { type: "string", default: "10" },
    "skip-reads": { type: "boolean", default: false },
  },
});
const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!adminUrl) throw new Error("pnpm bench dashboard needs Postgres: set TEST_DATABASE_URL");
const size = {
  learners: Number(values.learners),
  events: Number(values.events),
  quizAttempts: Number(values.attempts),
  days: 90,
};
const opened = await openBenchDatabase({ adminUrl, size, fresh: values.fresh, log: console.log });
const { client, marker } = opened;
const db = client.db;
const summary: Array<{ metric: string; figure: string; target: string; met: string }> = [];
const note = (metric: string, figure: string, target = "—", met = "") =>
  summary.push({ metric, figure, target, met });
const yes = (ok: boolean) => (ok ? "yes" : "NO");
const figures: BenchFigure[] = [];
const raw = rawSql(opened.client);

try {
  note(
    "dataset",
    `${marker.events} events, ${marker.attempts} attempts, ${size.learners} learners`,
    "20M / 1M / 100k",
  );
  if (!opened.reused) note("dataset generation (s)", marker.generatedSeconds.toFixed(0));

  const [owner] = await db.select().from(users).where(eq(users.id, marker.instructorId));
  if (!owner) throw new Error("the bench course's instructor is missing: run with --fresh");
  const user: SessionUser = {
    id: owner.id,
    name: owner.name,
    email: owner.email,
    role: owner.role,
  };

  console.log("rebuilding the rollups from the source rows …");
  const rebuild = await rebuildAnalytics({ db });
  note("rebuildAnalytics, full (s)", (rebuild.ms / 1000).toFixed(1));

  const outline = await db
    .select({ id: lessons.id, kind: lessons.kind, seconds: lessons.durationSeconds })
    .from(lessons)
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .where(eq(modules.courseId, marker.courseId))
    .orderBy(desc(lessons.durationSeconds), asc(modules.position), asc(lessons.position));
  const video = outline.find((l) => l.kind === "video");
  const quiz = outline.find((l) => l.kind === "quiz");
  if (!video || !quiz) throw new Error("the bench course has no video or quiz lesson");
  if (!values["skip-reads"]) {
    console.log(`timing the dashboard's reads (${values.runs} runs each) …`);
    const reads = await timeReads({
      db,
      user,
      courseId: marker.courseId,
      videoLessonId: video.id,
      quizLessonId: quiz.id,
      runs: Number(values.runs),
      raw,
    });
    printTable(
      "dashboard reads (service level, warm; ms) and their floor (the same statements, raw)",
      reads.map((r) => ({
        read: r.read,
        n: r.n,
        "p50 ms": r.p50,
        "p95 ms": r.p95,
        statements: r.floor.statements,
        "raw p50 ms": r.floor.p50,
        "raw p95 ms": r.floor.p95,
        target: "p95 ≤ 100",
      })),
    );
    for (const r of reads) {
      note(`p95 ${r.read} (ms)`, r.p95.toFixed(1), "≤ 100", yes(r.p95 <= 100));
      figures.push({
        metric: `p95 ${r.read}`,
        figure: r.p95,
        unit: "ms",
        better: "lower",
        limit: { value: r.floor.p95, what: `its ${r.floor.statements} statements, raw` },
        target: 100,
      });
    }
  }

  const appended = await appendEvents(opened.url, marker.courseId, Number(values.append));
  const rollup = await runAnalyticsRollup({ db });
  const rollupRate = (rollup.events / rollup.ms) * 1000;
  note(`rollup throughput over ${appended} appended events (events/s)`, rollupRate.toFixed(0));
  figures.push({
    metric: `rollup throughput over ${appended} appended events`,
    figure: rollupRate,
    unit: "events/s",
    better: "higher",
  });

  const mailbox = await startMailbox();
  const api = await startApiServer({ databaseUrl: opened.url, env: { SMTP_URL: mailbox.url } });
  try {
    console.log(`lag under load: ${values["load-seconds"]} s of progress load …`);
    const lag = await measureLag({
      db,
      url: opened.url,
      apiUrl: api.url,
      mailbox,
      seconds: Number(values["load-seconds"]),
      clients: Number(values.clients),
      batch: 50,
      rollupOnce: () => runAnalyticsRollup({ db }),
      everyMs: Number(values["rollup-every"]) * 1000,
      appliedSeq: async () => {
        const [row] = await db
          .select({ position: analyticsCursors.position })
          .from(analyticsCursors)
          .where(eq(analyticsCursors.source, "progress_events"));
        return row?.position ?? 0;
      },
    });
    note("load during the lag run (events/s through the API)", lag.eventsPerSecond.toFixed(0));
    note(
      `rollup lag under load, median (s; ${lag.samples} samples, ${lag.rollups} runs, one every ≥ ${values["rollup-every"]} s)`,
      (lag.medianLagMs / 1000).toFixed(1),
      "≤ 60",
      yes(lag.medianLagMs <= 60_000),
    );
    note(
      "rollup lag under load, max (s)",
      (lag.maxLagMs / 1000).toFixed(1),
      "≤ 60",
      yes(lag.maxLagMs <= 60_000),
    );
    for (const [what, ms] of [
      ["median", lag.medianLagMs],
      ["max", lag.maxLagMs],
    ] as const) {
      figures.push({
        metric: `rollup lag under load, ${what} (one run every ≥ ${values["rollup-every"]} s)`,
        figure: ms / 1000,
        unit: "s",
        better: "lower",
        target: 60,
      });
    }

    console.log("exporting the learners table …");
    const exported = await openAnalyticsExport({
      db,
      user,
      courseId: marker.courseId,
      table: "learners",
      query: {},
    });
    // As the HTTP route streams it: CSV text in ~64 KiB chunks, read from the export's cursor.
    const direct = await measureStream(csvChunks(exported.columns, exported.rows));
    exportNotes("learners CSV, streamed export", direct);

    const cookie = await instructorCookie(db, api.url, mailbox, marker.courseId);
    const response = await fetch(
      `${api.url}/api/courses/${marker.courseId}/analytics/learners.csv`,
      { headers: { cookie, origin: WEB_ORIGIN } },
    );
    if (response.ok)
      exportNotes("learners CSV over HTTP", await measureStream(responseChunks(response), api.pid));
    else note("learners CSV over HTTP", `HTTP ${response.status}`, "≤ 10 s", "NO");
  } finally {
    await api.stop();
    await mailbox.close();
  }
  printTable(
    `pnpm bench dashboard — PostgreSQL (${opened.reused ? "reused" : "new"} dataset)`,
    summary,
  );
  reportFigures(
    "dashboard",
    `Instructor dashboard, ${size.learners} learners, ${marker.events} events: figure and floor`,
    figures,
  );
} finally {
  await raw.close();
  const conn = new pg.Client({ connectionString: opened.url });
  await conn.connect();
  await resetToBase(conn, marker).finally(() => conn.end());
  await client.close();
}

function exportNotes(label: string, m: Awaited<ReturnType<typeof measureStream>>) {
  figures.push({
    metric: `${label}, ${m.lines - 1} rows`,
    figure: m.seconds,
    unit: "s",
    better: "lower",
    target: 10,
    note: `RSS +${m.rssGrowthMb.toFixed(0)} MB`,
  });
  note(
    `${label}: ${m.lines - 1} rows, ${(m.bytes / 1e6).toFixed(1)} MB (s)`,
    m.seconds.toFixed(2),
    "≤ 10",
    yes(m.seconds <= 10),
  );
  note(`${label}: first bytes (ms)`, m.firstChunkMs.toFixed(0));
  note(
    `${label}: peak RSS / growth (MB)`,
    `${m.peakRssMb.toFixed(0)} / +${m.rssGrowthMb.toFixed(0)}`,
    "flat",
  );
  if (m.serverPeakRssMb !== undefined) {
    note(
      `${label}: API server peak RSS / growth (MB)`,
      `${m.serverPeakRssMb.toFixed(0)} / +${(m.serverRssGrowthMb ?? 0).toFixed(0)}`,
      "flat",
    );
  }
  note(
    `${label}: peak heap / growth (MB)`,
    `${m.peakHeapMb.toFixed(0)} / +${m.heapGrowthMb.toFixed(0)}`,
    "flat",
  );
}
