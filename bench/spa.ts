/**
 * The SPA's first paint: `pnpm bench spa [--runs 5]`
 *
 * Builds the production web app, serves it with `vite preview` (the production headers) in
 * front of the real API on a seeded database (TEST_DATABASE_URL, else PGlite over the wire),
 * and in headless Chromium (/usr/bin/chromium, the e2e flags) cold-loads, `runs` times each in
 * a new browser context (empty cache): the catalog and a course page as a visitor, and a lesson
 * page as a signed-in, enrolled learner (apps/web/e2e/lcp.ts does the browser work).
 * Per page, the median of the loads:
 *   LCP  — the last `largest-contentful-paint` entry once the page has settled (target ≤ 1 s);
 *          its limit is the floor: the build's own index.html and stylesheets with the module
 *          scripts removed and a heading in #root, served by the same server (no app code);
 *   JS   — gzipped bytes (level 9) of the JS requested before LCP: the initial JS plus the
 *          page's route chunks (reported, no target of its own).
 * Once per build, the initial JS: index.html's module script and modulepreloads, gzipped —
 * the budget of DESIGN §5 (≤ 150 KiB), which the bundle test also enforces.
 * Reports through lib/report.ts (bench/results/spa.json).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { benchArgs } from "./lib/args";
import { type BenchFigure, reportFigures } from "./lib/report";

const { values } = benchArgs({ options: { runs: { type: "string", default: "5" } } });
const runs = Number(values.runs);

interface PageLoad {
  lcpMs: number;
  element: string;
  jsGzipBytes: number;
  jsFiles: number;
  largest: Array<{ path: string; gzipBytes: number }>;
}
interface Measured {
  name: string;
  path: string;
  loads: PageLoad[];
}

const webDir = fileURLToPath(new URL("../apps/web/", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "lumen-bench-spa-"));
const out = join(dir, "lcp.json");
try {
  // From apps/web: Vite and Lingui find their configs there.
  const args = ["e2e/lcp.ts", "--runs", String(runs), "--out", out];
  const run = spawnSync("tsx", args, { stdio: "inherit", cwd: webDir });
  if (run.status !== 0) process.exit(run.status ?? 1);
  const result = JSON.parse(readFileSync(out, "utf8")) as {
    initialJs: { gzipBytes: number; files: number };
    pages: Measured[];
    floor: Measured;
  };
  report(result.initialJs, result.pages, result.floor);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] ?? Number.NaN)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function report(
  initialJs: { gzipBytes: number; files: number },
  pages: Measured[],
  floor: Measured,
) {
  const floorLcp = median(floor.loads.map((l) => l.lcpMs));
  console.log(`\nLCP per cold load (ms), ${runs} loads per page`);
  for (const p of [floor, ...pages]) {
    const lcps = p.loads.map((l) => l.lcpMs.toFixed(0)).join(", ");
    console.log(`  ${p.name} ${p.path}: ${lcps}  (LCP element: ${p.loads.at(-1)?.element ?? "?"})`);
    const largest = p.loads.at(-1)?.largest ?? [];
    if (largest.length > 0) {
      const list = largest.map((f) => `${f.path} ${(f.gzipBytes / 1024).toFixed(1)}`).join(", ");
      console.log(`    largest JS before LCP (KiB gzip): ${list}`);
    }
  }
  const figures: BenchFigure[] = pages.flatMap((p) => [
    {
      metric: `LCP, ${p.name} page, median of ${p.loads.length} cold loads`,
      figure: median(p.loads.map((l) => l.lcpMs)),
      unit: "ms",
      better: "lower" as const,
      limit: { value: floorLcp, what: "static shell: same HTML and CSS, no JS, same server" },
      target: 1000,
    },
    {
      metric: `JS before LCP, ${p.name} page (gzip)`,
      figure: median(p.loads.map((l) => l.jsGzipBytes)) / 1024,
      unit: "KiB",
      better: "lower" as const,
      note: `${median(p.loads.map((l) => l.jsFiles))} files: the initial JS and the page's route chunks`,
    },
  ]);
  figures.unshift({
    metric: "initial JS: index.html's module script and modulepreloads (gzip)",
    figure: initialJs.gzipBytes / 1024,
    unit: "KiB",
    better: "lower",
    target: 150,
    note: `${initialJs.files} files; the same for every page`,
  });
  reportFigures("spa", "SPA first paint: production build, headless Chromium, cold loads", figures);
}
