import type pg from "pg";
import { percentile } from "../lib/stats";
import { cpuSeconds, trackCpu } from "./cpu";
import { runLoad } from "./load";
import { commitsSoFar } from "./verify";
import type { BenchLearner } from "./world";

export interface Shape {
  clients: number;
  batch: number;
}

export interface ShapeRun {
  shape: Shape;
  eventsPerSecond: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  /** Event ids acknowledged over the whole run (warm-up included). */
  acknowledged: string[];
  errors: number;
  firstError: string | null;
  /** Cores used over the measured window; NaN where not tracked. */
  serverCpu: number;
  pgCpu: number;
  clientCpu: number;
  commitsPerSecond: number;
}

/** "16x50,64x12" → shapes; throws on anything else. */
export function parseShapes(text: string): Shape[] {
  return text.split(",").map((part) => {
    const m = /^(\d+)x(\d+)$/.exec(part.trim());
    if (!m) throw new Error(`--shapes: "${part}" is not CLIENTSxBATCH (e.g. 16x50)`);
    return { clients: Number(m[1]), batch: Number(m[2]) };
  });
}

/**
 * Runs one shape of load against `url` (the API, or the no-write limit) and measures the
 * server process's CPU and, when `stats` is given, the database's backends and commits.
 */
export async function measureShape(o: {
  url: string;
  serverPid: number;
  learners: BenchLearner[];
  shape: Shape;
  warmupSeconds: number;
  seconds: number;
  rate?: number | undefined;
  stats?: { client: pg.Client; database: string } | undefined;
}): Promise<ShapeRun> {
  const { stats } = o;
  const pgBackends = stats
    ? trackCpu(async () => {
        const { rows } = await stats.client.query<{ pid: number }>(
          "select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
          [stats.database],
        );
        return rows.map((r) => r.pid);
      })
    : undefined;
  let clientCpuStart = process.cpuUsage();
  const marks: { start?: { commits: number; serverCpu: number; at: number } } = {};
  const load = await runLoad({
    apiUrl: o.url,
    learners: o.learners,
    clients: o.shape.clients,
    batch: o.shape.batch,
    warmupSeconds: o.warmupSeconds,
    seconds: o.seconds,
    rate: o.rate,
    onMeasureStart: async () => {
      clientCpuStart = process.cpuUsage();
      await pgBackends?.start();
      marks.start = {
        commits: stats ? await commitsSoFar(stats.client, stats.database) : 0,
        serverCpu: cpuSeconds(o.serverPid),
        at: performance.now(),
      };
    },
  });
  const clientCpu = process.cpuUsage(clientCpuStart);
  const pgCpu = pgBackends ? await pgBackends.stop() : Number.NaN;
  const commits = stats ? await commitsSoFar(stats.client, stats.database) : Number.NaN;
  const serverCpu = cpuSeconds(o.serverPid);
  const w = marks.start;
  const elapsed = w ? (performance.now() - w.at) / 1000 : Number.NaN;
  return {
    shape: o.shape,
    eventsPerSecond: load.measuredEvents / load.measuredSeconds,
    requestsPerSecond: load.measuredRequests / load.measuredSeconds,
    p50: percentile(load.latencies, 50),
    p99: percentile(load.latencies, 99),
    max: load.latencies.reduce((a, b) => Math.max(a, b), 0),
    acknowledged: load.acknowledged,
    errors: load.errors,
    firstError: load.firstError,
    serverCpu: w ? (serverCpu - w.serverCpu) / elapsed : Number.NaN,
    pgCpu: pgCpu / elapsed,
    clientCpu: (clientCpu.user + clientCpu.system) / 1e6 / elapsed,
    commitsPerSecond: w && stats ? (commits - w.commits) / elapsed : Number.NaN,
  };
}

export const shapeName = (s: Shape) => `${s.clients} × ${s.batch}`;
