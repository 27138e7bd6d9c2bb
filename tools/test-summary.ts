import { basename } from "node:path";

export interface Pass {
  dir: string;
  passed: number;
  failed: number;
  skipped: number;
}

/** Reads vitest's output line by line; one pass per vitest run, in order. */
export function createTestSummary() {
  const passes: Pass[] = [];
  return {
    read: (line: string) => read(passes, line),
    passes: (): readonly Pass[] => passes,
    failed: () => passes.reduce((n, p) => n + p.failed, 0),
    closingLine: () => closingLine(passes),
  };
}

function read(passes: Pass[], line: string) {
  // vitest's banner names the package directory: " RUN  v4.1.12 /repo/packages/core"
  const banner = /^\s*RUN\s+v\S+\s+(\S+)\s*$/.exec(line);
  if (banner?.[1]) {
    passes.push({ dir: basename(banner[1]), passed: 0, failed: 0, skipped: 0 });
    return;
  }
  // vitest's summary: "      Tests  2 failed | 17 passed | 1 skipped (20)"
  const summary = /^\s*Tests\s+(.*)\(\d+\)\s*$/.exec(line);
  const pass = passes.at(-1);
  if (!summary?.[1] || !pass) return;
  for (const part of summary[1].split("|")) {
    const m = /(\d+)\s+(passed|failed|skipped|todo)/.exec(part);
    if (m?.[1] && m[2] && m[2] !== "todo")
      pass[m[2] as "passed" | "failed" | "skipped"] += Number(m[1]);
  }
}

/**
 * A package whose script runs vitest twice runs it on TEST_DATABASE_URL's Postgres first, then
 * again without it, on PGlite (`vitest run && … env -u TEST_DATABASE_URL vitest run`).
 */
function passLabels(all: readonly Pass[]): string[] {
  const runs = new Map<string, number>();
  for (const p of all) runs.set(p.dir, (runs.get(p.dir) ?? 0) + 1);
  const seen = new Map<string, number>();
  return all.map((p) => {
    const nth = (seen.get(p.dir) ?? 0) + 1;
    seen.set(p.dir, nth);
    if ((runs.get(p.dir) ?? 1) < 2) return p.dir;
    return `${p.dir} (${nth === 1 ? "postgres" : nth === 2 ? "pglite" : `pass ${nth}`})`;
  });
}

function closingLine(all: readonly Pass[]): string {
  const labels = passLabels(all);
  const parts = all.map((p, i) => {
    const failed = p.failed ? `, ${p.failed} failed` : "";
    const skipped = p.skipped ? `, ${p.skipped} skipped` : "";
    return `${labels[i]}: ${p.passed} passed${failed}${skipped}`;
  });
  const sum = (key: "passed" | "failed" | "skipped") => all.reduce((n, p) => n + p[key], 0);
  const skipped = sum("skipped") ? `, ${sum("skipped")} skipped` : "";
  const total = `${sum("passed")} passed, ${sum("failed")} failed${skipped}`;
  return parts.length > 0 ? `${parts.join("; ")}; total ${total}` : total;
}
