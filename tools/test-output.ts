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
 */
export function failureLines(output: string, limit = 12): string[] {
  const fails = new Set<string>();
  const marks = new Set<string>();
  for (const raw of output.replace(ANSI, "").split("\n")) {
    const line = raw.trim();
    const short = line.length > 200 ? `${line.slice(0, 199)}…` : line;
    // vitest's "FAIL file > suite > test" names the file; "×" lines only the test.
    if (/^FAIL\s/.test(line)) fails.add(short);
    else if (/^[×✗]\s/.test(line)) marks.add(short);
  }
  return [...(fails.size > 0 ? fails : marks)].slice(0, limit);
}

/** Seconds of user + system time in the second line of bash's `times` ("0m1.5s 0m0.2s"). */
export function childCpuSeconds(times: string): number | null {
  const line = times.trim().split("\n")[1] ?? "";
  const parts = [...line.matchAll(/(\d+)m([\d.]+)s/g)];
  if (parts.length !== 2) return null;
  return parts.reduce((sum, m) => sum + Number(m[1]) * 60 + Number(m[2]), 0);
}
