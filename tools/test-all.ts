/**
 * `pnpm test`: lint, typecheck and every workspace package's test passes, several at a time,
 * closing with one line per pass and a total ("N passed, N failed").
 *
 * A package's `test` script is its default pass (real Postgres when TEST_DATABASE_URL is set,
 * else PGlite); a `test:e2e` script (the web app's browser journeys) is a pass of its own, so
 * the longest work is split where it can run beside the rest; a `test:pglite` script, run only
 * when TEST_DATABASE_URL is set, is a second pass on the embedded default. Each pass reports
 * its wall-clock time and the CPU time it used (bash's `times`). Passes run TEST_CONCURRENCY at a time (default 2: on
 * a 2-core machine the passes are CPU-bound, ADR 0033; three at once, the browser pass's two
 * stacks among them, drove CI's load to 12 and timed tests out), longest first by the durations the previous run recorded (else ESTIMATES). Each
 * pass's output is printed whole when it ends, so logs stay readable.
 */
import { spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { type Counts, childCpuSeconds, countTests, failureLines } from "./test-output";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const timingsFile = join(root, "node_modules", ".cache", "lumen-test-timings.json");

interface Pass {
  name: string;
  cwd: string;
  args: string[];
}
interface Outcome extends Counts {
  pass: Pass;
  code: number;
  seconds: number;
  /** CPU time (user + system) of the pass and every process it waited for, when known. */
  cpuSeconds: number | null;
  /** The failed tests' lines ("FAIL file > suite > test", "× test"), for the closing summary. */
  failures: string[];
}

const manifestSchema = z.object({ scripts: z.record(z.string(), z.string()).optional() });

/** Every workspace package's passes, from its package.json scripts. */
function packagePasses(): Pass[] {
  const passes: Pass[] = [];
  const postgres = Boolean(process.env.TEST_DATABASE_URL);
  for (const group of ["packages", "apps"]) {
    for (const dir of readdirSync(join(root, group)).sort()) {
      passes.push(...passesOf(`${group}/${dir}`, postgres));
    }
  }
  for (const dir of ["tools", "bench"]) passes.push(...passesOf(dir, postgres));
  return passes;
}

function passesOf(dir: string, postgres: boolean): Pass[] {
  let scripts: Record<string, string> | undefined;
  try {
    scripts = manifestSchema.parse(
      JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8")),
    ).scripts;
  } catch {
    return [];
  }
  const cwd = join(root, dir);
  const passes: Pass[] = [];
  if (scripts?.test) {
    passes.push({ name: `${dir} (${postgres ? "postgres" : "pglite"})`, cwd, args: ["test"] });
  }
  if (scripts?.["test:e2e"]) {
    passes.push({
      name: `${dir} e2e (${postgres ? "postgres" : "pglite"})`,
      cwd,
      args: ["run", "test:e2e"],
    });
  }
  if (postgres && scripts?.["test:pglite"]) {
    passes.push({ name: `${dir} (pglite)`, cwd, args: ["run", "test:pglite"] });
  }
  return passes;
}

/**
 * The pass runs under a shell whose `times` prints, on descriptor 3, the CPU time of every
 * process it waited for (pnpm, vitest, and what they waited for: browsers, servers, FFmpeg):
 * where a 2-core machine's time goes, which wall-clock time under three passes at once hides.
 */
const WITH_CPU_TIME = 'pnpm "$@"; code=$?; times >&3; exit $code';

function run(pass: Pass): Promise<Outcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn("bash", ["-c", WITH_CPU_TIME, "pnpm", ...pass.args], {
      cwd: pass.cwd,
      stdio: ["ignore", "pipe", "pipe", "pipe"],
      env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? "0" },
    });
    let times = "";
    let output = "";
    const [, stdout, stderr, timesOut] = child.stdio;
    timesOut?.on("data", (chunk: Buffer) => {
      times += chunk.toString();
    });
    for (const stream of [stdout, stderr]) {
      stream?.on("data", (chunk: Buffer) => {
        output += chunk.toString();
      });
    }
    child.on("close", (code) => {
      const seconds = (performance.now() - started) / 1000;
      const outcome = {
        pass,
        code: code ?? 1,
        seconds,
        cpuSeconds: childCpuSeconds(times),
        failures: code === 0 ? [] : failureLines(output),
        ...countTests(output),
      };
      const mark = outcome.code === 0 ? "✓" : "✗";
      process.stdout.write(
        `\n──── ${mark} ${pass.name} · ${timeOf(outcome)} ────\n${output.trimEnd()}\n`,
      );
      resolve(outcome);
    });
  });
}

function timeOf(o: Outcome): string {
  const cpu = o.cpuSeconds === null ? "" : `, ${o.cpuSeconds.toFixed(0)} s CPU`;
  return `${o.seconds.toFixed(0)} s${cpu}`;
}

function previousTimings(): Record<string, number> {
  try {
    return z.record(z.string(), z.number()).parse(JSON.parse(readFileSync(timingsFile, "utf8")));
  } catch {
    return {};
  }
}

/**
 * Seconds each long pass took on a 2-core machine running three at a time, for the order of a
 * first run (CI's clean clone); a run records its own timings for the next one.
 */
const ESTIMATES: Record<string, number> = {
  "apps/api (postgres)": 950,
  "apps/web e2e (postgres)": 700,
  typecheck: 120,
  "apps/web (postgres)": 200,
  "apps/edge (postgres)": 320,
  "apps/api (pglite)": 240,
  "packages/trpc (pglite)": 180,
  "packages/trpc (postgres)": 170,
  "packages/media (postgres)": 150,
  "apps/web (pglite)": 120,
  "packages/search (pglite)": 115,
};

const concurrency = Math.max(1, Number(process.env.TEST_CONCURRENCY ?? 2) || 2);
const timings = { ...ESTIMATES, ...previousTimings() };
const checks: Pass[] = [
  { name: "lint", cwd: root, args: ["lint"] },
  { name: "typecheck", cwd: root, args: ["typecheck"] },
];
// Longest first (unknown ones count as short), so the slowest pass does not start last.
const queue = [...checks, ...packagePasses()].sort(
  (a, b) => (timings[b.name] ?? 60) - (timings[a.name] ?? 60),
);
console.log(
  `${queue.length} passes, ${concurrency} at a time: ${queue.map((p) => p.name).join(", ")}`,
);

const started = performance.now();
const outcomes: Outcome[] = [];
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    for (let pass = queue.shift(); pass; pass = queue.shift()) outcomes.push(await run(pass));
  }),
);

mkdirSync(dirname(timingsFile), { recursive: true });
writeFileSync(
  timingsFile,
  JSON.stringify({
    ...timings,
    ...Object.fromEntries(outcomes.map((o) => [o.pass.name, o.seconds])),
  }),
);

console.log("\nPasses:");
const totals = { passed: 0, failed: 0, skipped: 0 };
for (const o of outcomes.sort((a, b) => a.pass.name.localeCompare(b.pass.name))) {
  const tests = o.passed + o.failed + o.skipped > 0;
  const detail = tests
    ? `${o.passed} passed, ${o.failed} failed${o.skipped ? `, ${o.skipped} skipped` : ""}`
    : "no tests";
  const status = o.code === 0 ? "ok" : `FAILED (exit ${o.code})`;
  console.log(`  ${o.pass.name.padEnd(34)} ${status.padEnd(16)} ${detail} · ${timeOf(o)}`);
  for (const line of o.failures) console.log(`      ${line}`);
  totals.passed += o.passed;
  totals.failed += o.failed;
  totals.skipped += o.skipped;
}
const failedPasses = outcomes.filter((o) => o.code !== 0);
const wall = ((performance.now() - started) / 1000).toFixed(0);
const cpu = outcomes.reduce((sum, o) => sum + (o.cpuSeconds ?? 0), 0).toFixed(0);
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : "";
console.log(
  `\n${totals.passed} passed, ${totals.failed} failed${skipped} (${outcomes.length} passes, ${failedPasses.length} failed, ${wall} s, ${cpu} s CPU)`,
);
process.exit(failedPasses.length > 0 || totals.failed > 0 ? 1 : 0);
