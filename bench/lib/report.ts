/**
 * One shape for every bench's headline figures (issue 17): the figure, the limit measured in
 * the same run (what the hardware or a floor allows: COPY straight into the table, an HTTP
 * server that acknowledges without writing, one FFmpeg command, raw SQL with no application
 * code…), their ratio, the target and whether it is met.
 *
 * `reportFigures` prints the markdown table and writes `bench/results/<bench>.json`
 * (gitignored) with the run's conditions (commit, load average before and after), so
 * `pnpm bench summary` can put every bench's last run in one table.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";

export type Better = "higher" | "lower";

export interface BenchFigure {
  /** What was measured, e.g. "events/s sustained, 16 × 50". */
  metric: string;
  figure: number;
  /** "events/s", "ms", "s", "KiB", "req/s"… */
  unit: string;
  /** Which direction is better for this figure (throughput: higher; latency, size: lower). */
  better: Better;
  /** The limit measured in the same run, in the same unit, and what it is. */
  limit?: { value: number; what: string };
  /** The design target (DESIGN.md §5 or the issue), in the same unit. */
  target?: number;
  note?: string;
}

export interface BenchResult {
  bench: string;
  title: string;
  at: string;
  commit: string;
  /** 1-minute load average when the bench started and when it reported. */
  load: { start: number; end: number };
  figures: Array<BenchFigure & { ratio?: number; met?: boolean }>;
}

const startLoad = loadavg()[0] ?? 0;
const resultsDir = fileURLToPath(new URL("../results/", import.meta.url));

/**
 * figure ÷ limit. For a throughput (higher is better) it is the share of the limit reached
 * (≤ 1 expected); for a latency or a size (lower is better) it is how many times the floor
 * it costs (≥ 1 expected).
 */
export function ratioToLimit(f: BenchFigure): number | undefined {
  if (!f.limit || !(f.limit.value > 0) || !Number.isFinite(f.figure)) return undefined;
  return f.figure / f.limit.value;
}

export function meetsTarget(f: BenchFigure): boolean | undefined {
  if (f.target === undefined || !Number.isFinite(f.figure)) return undefined;
  return f.better === "higher" ? f.figure >= f.target : f.figure <= f.target;
}

export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return "n/a";
  const abs = Math.abs(n);
  const digits = abs >= 1000 ? 0 : abs >= 100 ? 1 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return n.toLocaleString("en-US", { maximumFractionDigits: digits });
}

export function formatRatio(ratio: number | undefined): string {
  if (ratio === undefined) return "—";
  return `${ratio >= 10 ? ratio.toFixed(0) : ratio >= 1 ? ratio.toFixed(2) : ratio.toFixed(3)}×`;
}

const cell = (s: string) => s.replaceAll("|", "\\|");

/** The markdown table of figures: metric, figure, limit, ratio, target, met. */
export function figuresTable(figures: BenchFigure[], withBench?: string[]): string {
  const head = withBench ? "| bench " : "";
  const lines = [
    `${head}| metric | figure | limit (measured in the same run) | ratio | target | met |`,
    `${withBench ? "|---" : ""}|---|---|---|---|---|---|`,
  ];
  figures.forEach((f, i) => {
    const ratio = ratioToLimit(f);
    const met = meetsTarget(f);
    const target =
      f.target === undefined
        ? "—"
        : `${f.better === "higher" ? "≥" : "≤"} ${formatNumber(f.target)} ${f.unit}`;
    const limit = f.limit ? `${formatNumber(f.limit.value)} ${f.unit} (${f.limit.what})` : "—";
    const row = [
      `${formatNumber(f.figure)} ${f.unit}${f.note ? ` (${f.note})` : ""}`,
      limit,
      formatRatio(ratio),
      target,
      met === undefined ? "—" : met ? "yes" : "no",
    ];
    const prefix = withBench ? `| ${withBench[i] ?? ""} ` : "";
    lines.push(`${prefix}| ${cell(f.metric)} | ${row.map(cell).join(" | ")} |`);
  });
  return lines.join("\n");
}

function gitCommit(): string {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
}

/** Prints the figures as a table under `title` and keeps them for `pnpm bench summary`. */
export function reportFigures(bench: string, title: string, figures: BenchFigure[]): BenchResult {
  const result: BenchResult = {
    bench,
    title,
    at: new Date().toISOString(),
    commit: gitCommit(),
    load: { start: startLoad, end: loadavg()[0] ?? 0 },
    figures: figures.map((f) => ({ ...f, ratio: ratioToLimit(f), met: meetsTarget(f) })),
  };
  console.log(`\n${title}\n`);
  console.log(figuresTable(figures));
  console.log(
    `\n(commit ${result.commit}; load average ${result.load.start.toFixed(1)} → ${result.load.end.toFixed(1)} on ${navigatorCores()} cores)`,
  );
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(`${resultsDir}${bench}.json`, `${JSON.stringify(result, null, 2)}\n`);
  return result;
}

function navigatorCores(): number {
  return globalThis.navigator?.hardwareConcurrency ?? 0;
}

export { resultsDir };
