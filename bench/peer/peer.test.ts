import { describe, expect, it } from "vitest";
import { histogram, type SubmissionOutcome, summarizeOutcomes } from "./outcome";
import { DEFAULT_BEHAVIOUR, EventQueue, planLearners } from "./plan";
import { createRandom } from "./random";
import { targetRow } from "./report";

const HOUR = 3_600_000;

describe("the peer simulation's pieces", () => {
  it("draws the same plans from the same seed and different ones from another", () => {
    const plan = (seed: number) => planLearners(createRandom(seed), DEFAULT_BEHAVIOUR, 3);
    expect(plan(7)).toEqual(plan(7));
    expect(plan(7)).not.toEqual(plan(8));
  });

  it("plans the cohort's shares: non-reviewers, extra reviewers, arrivals within the week", () => {
    const plans = planLearners(
      createRandom(1),
      { ...DEFAULT_BEHAVIOUR, learners: 10_000, keepReviewing: 0.3 },
      3,
    );
    const share = (f: (p: (typeof plans)[number]) => boolean) =>
      plans.filter(f).length / plans.length;
    expect(share((p) => p.quota === 0)).toBeCloseTo(0.1, 1);
    expect(share((p) => p.quota === 6)).toBeCloseTo(0.9 * 0.3, 1);
    expect(share((p) => p.submitAfter < 2 * 24 * HOUR)).toBeCloseTo(0.55, 1);
    expect(share((p) => p.submitAfter >= 6 * 24 * HOUR)).toBeCloseTo(0.1, 1);
    expect(plans.every((p) => p.submitAfter >= 0 && p.submitAfter < 7 * 24 * HOUR)).toBe(true);
  });

  it("hands out events by time, then rank, then the order they were queued", () => {
    const queue = new EventQueue<string>();
    queue.push(20, "late");
    queue.push(10, "act", 1);
    queue.push(10, "audit", 2);
    queue.push(10, "close", 0);
    queue.push(10, "act again", 1);
    const order: string[] = [];
    for (let e = queue.pop(); e; e = queue.pop()) order.push(e.event);
    expect(order).toEqual(["close", "act", "act again", "audit", "late"]);
  });

  it("counts a peer grade after the deadline as a miss, and open submissions as left open", () => {
    const at = (h: number) => new Date(h * HOUR);
    const outcome = (o: Partial<SubmissionOutcome>): SubmissionOutcome => ({
      status: "graded",
      gradedBy: "peers",
      submittedAt: at(0),
      gradedAt: at(10),
      reviewDeadline: at(72),
      reviews: 3,
      ...o,
    });
    const summary = summarizeOutcomes([
      outcome({}),
      outcome({ gradedAt: at(73) }),
      outcome({ gradedBy: "peers_partial", gradedAt: at(72), reviews: 1 }),
      outcome({ status: "needs_staff", gradedBy: null, gradedAt: null, reviews: 0 }),
      outcome({ status: "in_review", gradedBy: null, gradedAt: null, reviews: 2 }),
    ]);
    expect(summary.peersInWindow).toBe(0.2);
    expect(summary.partial).toBe(0.2);
    expect(summary.needsStaff).toBe(0.2);
    expect(summary.leftOpen).toBe(1);
    expect(summary.waitHours.p50).toBe(72);
    expect(summary.reviews).toMatchObject({ min: 0, median: 2, max: 3 });
    expect(histogram([3, 0, 3, 1])).toBe("0: 1, 1: 1, 3: 2");
  });

  it("says whether a target is met and how far the figure is from it", () => {
    expect(targetRow("p95", 40, { op: "<=", value: 50 }, String)).toEqual([
      "p95",
      "40",
      "≤ 50",
      "0.80",
      "yes",
    ]);
    expect(targetRow("share", 0.9, { op: ">=", value: 0.95 }, String)[4]).toBe("no");
    expect(targetRow("left", 0, { op: "=", value: 0 }, String)[3]).toBe("—");
  });
});
