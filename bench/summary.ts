/**
 * All benches in one table: `pnpm bench summary`
 * Reads the last run of every bench from bench/results/<bench>.json (written by each bench's
 * report, bench/lib/report.ts) and prints one markdown table: bench, metric, figure, the limit
 * measured in the same run, their ratio, the target and whether it is met, then when and on
 * which commit each bench last ran and the load average around it. Runs nothing itself.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { type BenchResult, figuresTable, resultsDir } from "./lib/report";

const files = existsSync(resultsDir)
  ? readdirSync(resultsDir).filter((f) => f.endsWith(".json"))
  : [];
if (files.length === 0) {
  console.log("No bench has reported yet: run `pnpm bench <name>` first (see `pnpm bench`).");
  process.exit(0);
}
const results = files
  .map((f) => JSON.parse(readFileSync(`${resultsDir}${f}`, "utf8")) as BenchResult)
  .sort((a, b) => a.bench.localeCompare(b.bench));

const figures = results.flatMap((r) => r.figures);
const benches = results.flatMap((r) => r.figures.map((_, i) => (i === 0 ? r.bench : "")));
console.log(figuresTable(figures, benches));
console.log("\n| bench | last run | commit | load average (start → end) |\n|---|---|---|---|");
for (const r of results) {
  console.log(
    `| ${r.bench} | ${r.at} | ${r.commit} | ${r.load.start.toFixed(1)} → ${r.load.end.toFixed(1)} |`,
  );
}
const met = figures.filter((f) => f.met === true).length;
const missed = figures.filter((f) => f.met === false).length;
console.log(
  `\n${met} targets met, ${missed} missed, ${figures.length - met - missed} without a target.`,
);
