import { describe, expect, it } from "vitest";
import { createTestSummary } from "./test-summary";

const run = (dir: string, tests: string) => [
  ` RUN  v4.1.12 /repo/${dir}`,
  "",
  " Test Files  2 passed (2)",
  `      Tests  ${tests}`,
];

describe("pnpm test's closing line", () => {
  it("reports a package's Postgres and PGlite passes separately, then the total", () => {
    const summary = createTestSummary();
    for (const line of [
      ...run("packages/core", "120 passed (120)"),
      ...run("packages/core", "1 failed | 117 passed | 2 skipped (120)"),
      ...run("packages/db", "30 passed (30)"),
    ]) {
      summary.read(line);
    }
    expect(summary.closingLine()).toBe(
      "core (postgres): 120 passed; core (pglite): 117 passed, 1 failed, 2 skipped; db: 30 passed; total 267 passed, 1 failed, 2 skipped",
    );
    expect(summary.failed()).toBe(1);
  });

  it("is the plain count when no vitest ran", () => {
    expect(createTestSummary().closingLine()).toBe("0 passed, 0 failed");
  });
});
