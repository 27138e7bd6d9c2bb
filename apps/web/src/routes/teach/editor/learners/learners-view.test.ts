import { describe, expect, it } from "vitest";
import "../../../../lib/i18n/testing";
import {
  BAND_LABELS,
  certificateState,
  distributionBars,
  distributionSummary,
  pageCount,
  revokeReasonProblem,
} from "./learners-view";

const empty = () => Array.from({ length: 11 }, () => 0);

describe("completion distribution", () => {
  it("has eleven bands, the last one exactly 100 %", () => {
    expect(BAND_LABELS).toHaveLength(11);
    expect(BAND_LABELS[0]).toBe("0–9 %");
    expect(BAND_LABELS[9]).toBe("90–99 %");
    expect(BAND_LABELS[10]).toBe("100 %");
  });

  it("sums up the bands that have learners", () => {
    const d = empty();
    d[0] = 3;
    d[5] = 1;
    d[10] = 2;
    expect(distributionSummary(d)).toBe(
      "Completion of 6 learners: 3 at 0–9 %, 1 at 50–59 %, 2 at 100 %.",
    );
    expect(distributionSummary(empty())).toBe("Completion: no learners yet.");
  });

  it("scales bars to the fullest band and keeps small ones visible", () => {
    const d = empty();
    d[2] = 1000;
    d[3] = 1;
    const bars = distributionBars(d, { width: 220, height: 100, gap: 4 });
    expect(bars).toHaveLength(11);
    expect(bars[2]).toMatchObject({ count: 1000, height: 100, y: 0, x: 42, width: 16 });
    expect(bars[3]?.height).toBe(2);
    expect(bars[0]?.height).toBe(0);
  });
});

describe("learner rows", () => {
  it("a revocation needs a reason of 3 to 500 characters", () => {
    expect(revokeReasonProblem("  no ")).toMatch(/at least 3/);
    expect(revokeReasonProblem("Plagiarised quiz answers")).toBeNull();
    expect(revokeReasonProblem("x".repeat(501))).toMatch(/500/);
    expect(revokeReasonProblem("Copied\u0000")).toMatch(/control character \(U\+0000\)/);
    expect(revokeReasonProblem("Copied answers\nfrom a friend")).toBeNull();
  });

  it("tells issued, revoked and missing certificates apart", () => {
    expect(certificateState(null)).toBe("none");
    expect(certificateState({ id: "c", revokedAt: null })).toBe("issued");
    expect(certificateState({ id: "c", revokedAt: "2026-01-01T00:00:00.000Z" })).toBe("revoked");
  });

  it("counts pages, at least one", () => {
    expect(pageCount(0, 20)).toBe(1);
    expect(pageCount(41, 20)).toBe(3);
  });
});
