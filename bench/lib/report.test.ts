import { describe, expect, it } from "vitest";
import { figuresTable, formatRatio, meetsTarget, ratioToLimit } from "./report";

describe("bench figures", () => {
  it("gives a throughput's share of its limit and a latency's multiple of its floor", () => {
    const ingest = {
      metric: "ingest",
      figure: 15_000,
      unit: "events/s",
      better: "higher" as const,
    };
    expect(ratioToLimit({ ...ingest, limit: { value: 60_000, what: "COPY" } })).toBe(0.25);
    expect(ratioToLimit(ingest)).toBeUndefined();
    const search = { metric: "p95", figure: 12, unit: "ms", better: "lower" as const };
    expect(ratioToLimit({ ...search, limit: { value: 3, what: "raw SQL" } })).toBe(4);
    expect(ratioToLimit({ ...search, limit: { value: 0, what: "nothing" } })).toBeUndefined();
    expect(formatRatio(0.25)).toBe("0.250×");
    expect(formatRatio(4)).toBe("4.00×");
  });

  it("meets a target in the figure's own direction", () => {
    const f = { metric: "m", unit: "ms", better: "lower" as const, target: 100 };
    expect(meetsTarget({ ...f, figure: 99 })).toBe(true);
    expect(meetsTarget({ ...f, figure: 101 })).toBe(false);
    expect(meetsTarget({ ...f, better: "higher", figure: 101 })).toBe(true);
    expect(meetsTarget({ ...f, figure: Number.NaN })).toBeUndefined();
  });

  it("prints one row per figure with its limit, ratio, target and verdict", () => {
    const table = figuresTable([
      {
        metric: "events/s | 16 × 50",
        figure: 31_000,
        unit: "events/s",
        better: "higher",
        limit: { value: 62_000, what: "COPY, one connection" },
        target: 30_000,
      },
    ]);
    const row = table.split("\n")[2];
    expect(row).toBe(
      "| events/s \\| 16 × 50 | 31,000 events/s | 62,000 events/s (COPY, one connection) | 0.500× | ≥ 30,000 events/s | yes |",
    );
  });
});
