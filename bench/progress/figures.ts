import type { BenchFigure } from "../lib/report";
import { type ShapeRun, shapeName } from "./measure";

/** Issue 17's targets for progress ingest on 2 cores. */
export const TARGETS = { eventsPerSecond: 30_000, p99Ms: 100, cores: 1, coresAtRate: 10_000 };

/**
 * The headline figures of one shape: ingest against both limits measured in the same run
 * (COPY into the same table; the same HTTP stack acknowledging without writing), p99 against
 * the no-write server's, lost events, and the CPU of the API and of Postgres (with the
 * "< 1 core each" target only in an open-loop run at the offered rate it is stated for).
 */
export function shapeFigures(o: {
  ingest: ShapeRun;
  ack: ShapeRun;
  copyEventsPerSecond: number;
  lost: number;
  rate?: number | undefined;
}): BenchFigure[] {
  const { ingest, ack } = o;
  const name = shapeName(ingest.shape) + (o.rate ? ` at ${o.rate} events/s offered` : "");
  const cpuTarget =
    o.rate !== undefined && o.rate <= TARGETS.coresAtRate ? TARGETS.cores : undefined;
  const cpuNote = o.rate ? undefined : "closed loop: as fast as it goes";
  return [
    {
      metric: `events/s sustained, ${name} (vs COPY)`,
      figure: ingest.eventsPerSecond,
      unit: "events/s",
      better: "higher",
      limit: { value: o.copyEventsPerSecond, what: "COPY into progress_events, 1 connection" },
      target: o.rate ? undefined : TARGETS.eventsPerSecond,
    },
    {
      metric: `events/s sustained, ${name} (vs HTTP)`,
      figure: ingest.eventsPerSecond,
      unit: "events/s",
      better: "higher",
      limit: { value: ack.eventsPerSecond, what: "same Hono stack, ack without writing" },
      target: o.rate ? undefined : TARGETS.eventsPerSecond,
    },
    {
      metric: `requests/s, ${name}`,
      figure: ingest.requestsPerSecond,
      unit: "req/s",
      better: "higher",
      limit: { value: ack.requestsPerSecond, what: "same Hono stack, ack without writing" },
    },
    {
      metric: `p99 ack latency, ${name}`,
      figure: ingest.p99,
      unit: "ms",
      better: "lower",
      limit: { value: ack.p99, what: "p99 of the no-write server" },
      target: TARGETS.p99Ms,
    },
    {
      metric: `acknowledged events lost, ${name}`,
      figure: o.lost,
      unit: "events",
      better: "lower",
      target: 0,
    },
    {
      metric: `API process CPU, ${name}`,
      figure: ingest.serverCpu,
      unit: "cores",
      better: "lower",
      limit: { value: ack.serverCpu, what: "no-write server's CPU, same shape" },
      target: cpuTarget,
      note: cpuNote,
    },
    {
      metric: `Postgres CPU, ${name}`,
      figure: ingest.pgCpu,
      unit: "cores",
      better: "lower",
      target: cpuTarget,
      note: cpuNote,
    },
  ];
}

/** The detailed table of one run (ingest or limit), as the bench printed before issue 17. */
export function detailRows(run: ShapeRun, lost?: number): Array<[string, string]> {
  return [
    ["events/s sustained", fmt(run.eventsPerSecond, 0)],
    ["requests/s", fmt(run.requestsPerSecond, 0)],
    ["p50 ack latency (ms)", fmt(run.p50, 1)],
    ["p99 ack latency (ms)", fmt(run.p99, 1)],
    ["max ack latency (ms)", fmt(run.max, 1)],
    ["acknowledged events (whole run)", String(new Set(run.acknowledged).size)],
    ["lost (acknowledged, not in progress_events)", lost === undefined ? "n/a" : String(lost)],
    ["failed requests (resent)", String(run.errors)],
    ["DB commits/s (all transactions)", fmt(run.commitsPerSecond, 0)],
    ["server process CPU (cores)", fmt(run.serverCpu, 2)],
    ["Postgres backends CPU (cores)", fmt(run.pgCpu, 2)],
    ["bench client CPU (cores)", fmt(run.clientCpu, 2)],
  ];
}

function fmt(n: number, digits: number): string {
  return Number.isFinite(n) ? n.toFixed(digits) : "n/a";
}
