import { cpus } from "node:os";
import { type BenchFigure, reportFigures } from "../lib/report";
import { percentile } from "../lib/stats";
import type { Violations } from "./invariants";
import type { outcomesByDay, summarizeOutcomes } from "./outcome";
import type { Behaviour } from "./plan";
import type { SimulationCounts } from "./simulate";

const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)} %` : "n/a");
const num = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : "n/a");

/** One row of the targets table: a figure, its target, the ratio to it and whether it is met. */
export function targetRow(
  figure: string,
  value: number,
  target: { op: ">=" | "<=" | "="; value: number },
  format: (x: number) => string,
): [string, string, string, string, string] {
  const met =
    target.op === ">="
      ? value >= target.value
      : target.op === "<="
        ? value <= target.value
        : value === target.value;
  const ratio = target.value === 0 ? "—" : num(value / target.value, 2);
  const op = target.op === ">=" ? "≥" : target.op === "<=" ? "≤" : "=";
  return [figure, format(value), `${op} ${format(target.value)}`, ratio, met ? "yes" : "no"];
}

function table(header: string[], rows: string[][]) {
  console.log(`| ${header.join(" | ")} |`);
  console.log(`|${header.map(() => "---").join("|")}|`);
  for (const row of rows) console.log(`| ${row.join(" | ")} |`);
}

/** Prints the run; returns true when an invariant was violated (the only failure). */
export function printReport(r: {
  engine: string;
  seed: number;
  behaviour: Behaviour;
  settings: {
    reviewsToGive: number;
    reviewsNeeded: number;
    reviewWindowHours: number;
    leaseMinutes: number;
    fallback: string;
  };
  outcome: ReturnType<typeof summarizeOutcomes>;
  byDay: ReturnType<typeof outcomesByDay>;
  sim: { counts: SimulationCounts; violations: Violations; reviewNextMs: number[] };
  givenByReviewers: { median: number; histogram: string };
  latency: {
    latencies: number[];
    rawLatencies: number[];
    cold: number[];
    alone: number[];
    load: number;
    calls: number;
    leased: number;
    rounds: number;
    violations: Violations;
  } | null;
  concurrency: number;
  seconds: { setup: number; simulation: number; latency: number; total: number };
}): boolean {
  const { outcome: o, sim, latency, behaviour: b, settings: s } = r;
  const p95 = latency ? percentile(latency.latencies, 95) : Number.NaN;
  console.log(
    `\nPeer review, ${o.submissions} submissions over a simulated week (${r.engine}, seed ${r.seed})\n`,
  );
  table(
    ["figure", "value", "target", "ratio to target", "met?"],
    [
      targetRow(
        "graded by peers within the window",
        o.peersInWindow,
        { op: ">=", value: 0.95 },
        pct,
      ),
      ["graded by the fallback from fewer reviews (peers_partial)", pct(o.partial), "—", "—", "—"],
      ["handed to staff by the fallback (needs_staff)", pct(o.needsStaff), "—", "—", "—"],
      targetRow(
        "left without a grade or a staff-queue entry",
        o.leftOpen,
        { op: "=", value: 0 },
        String,
      ),
      ["wait submission → grade, median (virtual h)", num(o.waitHours.p50), "—", "—", "—"],
      ["wait submission → grade, p95 (virtual h)", num(o.waitHours.p95), "—", "—", "—"],
      [
        "reviews per submission min / median / max",
        `${o.reviews.min} / ${o.reviews.median} / ${o.reviews.max}`,
        "—",
        "—",
        "—",
      ],
      latency
        ? targetRow(
            `"review next" p95, ${r.concurrency} concurrent callers (ms)`,
            p95,
            { op: "<=", value: 50 },
            (x) => num(x),
          )
        : [
            `"review next" p95, ${r.concurrency} concurrent callers (ms)`,
            "skipped",
            "≤ 50",
            "—",
            "—",
          ],
    ],
  );
  console.log(`\nreviews per submission: ${o.reviews.histogram}`);
  console.log(
    `reviews given per reviewing learner (median ${r.givenByReviewers.median}): ${r.givenByReviewers.histogram}`,
  );
  const ms = (xs: number[]) =>
    `p50 ${num(percentile(xs, 50))}, p95 ${num(percentile(xs, 95))}, max ${num(Math.max(...xs))} ms`;
  console.log(`"review next" in the simulation, one caller at a time: ${ms(sim.reviewNextMs)}`);
  if (latency) {
    console.log(
      `"review next" on ${o.submissions} open submissions, one caller at a time: ${ms(latency.alone)}`,
    );
    console.log(
      `"review next", ${r.concurrency} at once (${latency.rounds} rounds, ${latency.calls} calls, ` +
        `${latency.leased} leases): ${ms(latency.latencies)}; machine load ${num(latency.load)} on ${cpus().length} cores`,
    );
    console.log(
      `"review next" floor, ${r.concurrency} at once (bare SQL, ${latency.rawLatencies.length} calls in the alternate rounds): ${ms(latency.rawLatencies)}`,
    );
    console.log(
      `"review next", ${r.concurrency} at once, the first round on a cold pool (not counted above): ${ms(latency.cold)}`,
    );
  }
  reportFigures(
    "peer",
    `Peer review, ${o.submissions} submissions (${r.engine})`,
    headlineFigures(o, latency, r.concurrency),
  );
  console.log("\nBy the day the work was submitted\n");
  table(
    ["day", "submissions", "peers in window", "partial", "staff"],
    r.byDay.map((d) => [
      String(d.day),
      String(d.submissions),
      pct(d.peers),
      pct(d.partial),
      pct(d.staff),
    ]),
  );
  const c = sim.counts;
  console.log("\nThe run\n");
  table(
    ["", ""],
    [
      [
        "assignment",
        `${s.reviewsToGive} to give, ${s.reviewsNeeded} needed, window ${s.reviewWindowHours} h, lease ${s.leaseMinutes / 60} h, fallback ${s.fallback}`,
      ],
      [
        "behaviour",
        `${pct(b.neverReview)} never review, ${pct(b.abandon)} of leases abandoned, ${pct(b.abandoners)} of reviewers abandon all theirs, ${pct(b.keepReviewing)} of reviewers give up to ${b.extraReviews} more`,
      ],
      [
        "review next calls / leases / nothing available",
        `${c.reviewNextCalls} / ${c.leases} / ${c.noneAvailable}`,
      ],
      ["leases abandoned / resumed", `${c.abandoned} / ${c.resumed}`],
      [
        "reviews submitted / refused (lease expired or window closed)",
        `${c.reviews} / ${c.refused}`,
      ],
      ["windows the sweep closed with reviews missing", String(c.windowsClosed)],
      ["invariant audits (each virtual hour)", String(c.audits)],
      [
        "time: setup / simulation / latency phase / total (s)",
        `${num(r.seconds.setup)} / ${num(r.seconds.simulation)} / ${num(r.seconds.latency)} / ${num(r.seconds.total)}`,
      ],
    ],
  );
  const checks: Array<[string, number]> = [
    [
      "simulation: submissions with more reviews + live leases than needed",
      sim.violations.overLeased,
    ],
    ["simulation: reviews of one's own submission", sim.violations.ownReviews],
    ["simulation: reviewers with more than one live lease", sim.violations.doubleLeases],
    ["simulation: submissions left without a grade or staff entry", o.leftOpen],
  ];
  if (latency) {
    checks.push(
      ["concurrent phase: submissions leased beyond need", latency.violations.overLeased],
      ["concurrent phase: own submissions leased", latency.violations.ownReviews],
      ["concurrent phase: reviewers with two live leases", latency.violations.doubleLeases],
    );
  }
  console.log("\nInvariants (worst seen)\n");
  table(
    ["check", "worst", "ok?"],
    checks.map(([k, v]) => [k, String(v), v === 0 ? "yes" : "NO"]),
  );
  return checks.some(([, v]) => v !== 0);
}

/** The report shape's rows (bench/lib/report.ts): outcomes against targets, latency against its floor. */
function headlineFigures(
  o: { peersInWindow: number; leftOpen: number },
  latency: { latencies: number[]; rawLatencies: number[] } | null,
  concurrency: number,
): BenchFigure[] {
  const figures: BenchFigure[] = [
    {
      metric: "graded by peers within the window",
      figure: o.peersInWindow * 100,
      unit: "%",
      better: "higher",
      target: 95,
    },
    {
      metric: "left without a grade or a staff-queue entry",
      figure: o.leftOpen,
      unit: "submissions",
      better: "lower",
      target: 0,
    },
  ];
  if (!latency) return figures;
  for (const p of [50, 95]) {
    figures.push({
      metric: `"review next" p${p}, ${concurrency} concurrent callers`,
      figure: percentile(latency.latencies, p),
      unit: "ms",
      better: "lower",
      limit: {
        value: percentile(latency.rawLatencies, p),
        what: "assignment_review_next as bare SQL",
      },
      ...(p === 95 ? { target: 50 } : {}),
    });
  }
  return figures;
}
