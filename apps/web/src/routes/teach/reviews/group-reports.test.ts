import { describe, expect, it } from "vitest";
import { groupReports, type ReviewReport } from "./group-reports";

const report = (over: Partial<ReviewReport>): ReviewReport => ({
  id: "p1",
  ratingId: "r1",
  stars: 1,
  title: "Awful",
  excerpt: "Buy my course instead.",
  reviewAuthor: { id: "u1", name: "Sam Spammer" },
  reviewHidden: false,
  reporter: { id: "u2", name: "Lea Learner" },
  reason: "Spam",
  status: "open",
  createdAt: "2026-12-06T10:00:00.000Z",
  ...over,
});

describe("groupReports", () => {
  it("shows each reported review once, with all its reports in queue order", () => {
    const groups = groupReports([
      report({ id: "p1" }),
      report({ id: "p2", ratingId: "r2", title: "Rude", reason: "Insults" }),
      report({ id: "p3", reason: "Advertising", reporter: null }),
    ]);
    expect(groups.map((g) => g.ratingId)).toEqual(["r1", "r2"]);
    expect(groups[0]?.reports.map((r) => r.reason)).toEqual(["Spam", "Advertising"]);
    expect(groups[0]?.reports[1]?.reporter).toBeNull();
    expect(groups[1]?.title).toBe("Rude");
  });

  it("offers to dismiss only the reports still open", () => {
    const [group] = groupReports([
      report({ id: "p1", status: "dismissed" }),
      report({ id: "p2" }),
      report({ id: "p3", status: "resolved" }),
    ]);
    expect(group?.openReportIds).toEqual(["p2"]);
    expect(group?.reports).toHaveLength(3);
  });

  it("an empty queue has no reviews", () => {
    expect(groupReports([])).toEqual([]);
  });
});
