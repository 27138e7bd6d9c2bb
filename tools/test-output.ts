/** Reading what a test pass printed: vitest's counts, the failed tests, bash's `times`. */

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping ANSI colour codes
const ANSI = /\u001b\[[0-9;]*m/g;

export type Counts = { passed: number; failed: number; skipped: number };

export function countTests(output: string): Counts {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  // vitest's summary: "      Tests  2 failed | 17 passed | 1 skipped (20)"
  for (const line of output.replace(ANSI, "").split("\n")) {
    const summary = /^\s*Tests\s+(.*)\(\d+\)\s*$/.exec(line);
    if (!summary?.[1]) continue;
    for (const part of summary[1].split("|")) {
      const m = /(\d+)\s+(passed|failed|skipped)/.exec(part);
      if (m?.[1] && m[2]) counts[m[2] as keyof Counts] += Number(m[1]);
    }
  }
  return counts;
}

/**
 * The lines naming failed tests or files in a pass's output, deduplicated and capped, so the
 * closing summary (often all a truncated CI log keeps) says which tests failed, not just where.
 * Each "FAIL" line from vitest's failure report keeps the first lines of its error after it
 * (indented, up to the stack or the next failure; for the first few failures), so a red CI run
 * says why, not only what.
 */
export function failureLines(
  output: string,
  { limit = 12, explained = 3, errorLines = 5 } = {},
): string[] {
  const fails = new Map<string, string[]>();
  const marks = new Set<string>();
  let current: string[] | null = null;
  for (const raw of output.replace(ANSI, "").split("\n")) {
    const line = raw.trim();
    const short = line.length > 200 ? `${line.slice(0, 199)}…` : line;
    // vitest's "FAIL file > suite > test" names the file; "×" lines only the test.
    if (/^FAIL\s/.test(line)) {
      // A test named twice keeps the error read the first time.
      current = fails.has(short) ? null : [];
      if (current) fails.set(short, current);
      continue;
    }
    if (/^[×✗✓]\s/.test(line)) {
      if (line[0] !== "✓") marks.add(short);
      current = null;
      continue;
    }
    // Blank lines and a diff's frame ("- Expected", "+ Received", braces) say nothing alone.
    if (!current || /^([-+] (Expected|Received)|[{}[\]],?)?$/.test(line)) continue;
    // The error ends where its stack ("❯ file:line") or the next report section ("⎯") starts.
    if (/^(❯|⎯|at\s)/.test(line) || current.length >= errorLines) current = null;
    else current.push(`  ${short}`);
  }
  if (fails.size === 0) return [...marks].slice(0, limit);
  // The first failures' errors only: a CI log's tail must still hold every pass's line.
  return [...fails]
    .slice(0, limit)
    .flatMap(([fail, error], i) => (i < explained ? [fail, ...error] : [fail]));
}

/** Seconds of user + system time in the second line of bash's `times` ("0m1.5s 0m0.2s"). */
export function childCpuSeconds(times: string): number | null {
  const line = times.trim().split("\n")[1] ?? "";
  const parts = [...line.matchAll(/(\d+)m([\d.]+)s/g)];
  if (parts.length !== 2) return null;
  return parts.reduce((sum, m) => sum + Number(m[1]) * 60 + Number(m[2]), 0);
}
