// The dashboard's words go through the catalog: English is active as in the app.
import "../../../lib/i18n/testing";
import { describe, expect, it } from "vitest";
import {
  ariaSort,
  bandsSummary,
  changeText,
  compare,
  csvHref,
  enrollmentSummary,
  type FunnelLesson,
  formatPoints,
  funnelCallout,
  nextSort,
  type PeriodTotals,
  presetRange,
  type QuizQuestion,
  rangeProblem,
  retentionSummary,
  reviewReasons,
  type VideoEngagement,
} from "./analytics-view";

const totals = (patch: Partial<PeriodTotals>): PeriodTotals => ({
  enrolled: 0,
  unenrolled: 0,
  completed: 0,
  certified: 0,
  averageDailyActive: 0,
  medianDaysToComplete: null,
  ...patch,
});

describe("comparison with the previous period", () => {
  it("gives the rounded percent change and its direction", () => {
    expect(compare(340, 304)).toEqual({ direction: "up", percent: 12 });
    expect(compare(50, 100)).toEqual({ direction: "down", percent: 50 });
    expect(compare(7, 7)).toEqual({ direction: "flat", percent: 0 });
  });

  it("has no percent when the previous period had none", () => {
    expect(compare(5, 0)).toEqual({ direction: "up", percent: null });
    expect(changeText(compare(5, 0))).toMatchObject({ symbol: "▲", text: "new" });
  });

  it("says the change in words as well as arrows", () => {
    expect(changeText(compare(88, 100))).toEqual({
      symbol: "▼",
      text: "12 %",
      spoken: "down 12 % from the previous period",
    });
    expect(changeText(compare(1, 1)).text).toBe("no change");
  });
});

describe("chart summaries", () => {
  it("sums up enrollments: the change, the total and the unenrollments", () => {
    expect(
      enrollmentSummary(totals({ enrolled: 340, unenrolled: 28 }), totals({ enrolled: 304 })),
    ).toBe("Enrollments rose 12 % to 340; 28 unenrollments.");
    expect(
      enrollmentSummary(totals({ enrolled: 10, unenrolled: 1 }), totals({ enrolled: 20 })),
    ).toBe("Enrollments fell 50 % to 10; 1 unenrollment.");
    expect(enrollmentSummary(totals({ enrolled: 3 }), totals({}))).toBe(
      "Enrollments rose to 3; 0 unenrollments.",
    );
  });

  it("names the most common score band", () => {
    expect(bandsSummary([0, 0, 0, 0, 0, 1, 0, 0, 2, 5, 1], "attempts")).toBe(
      "9 attempts; most (5) scored 90–99 %.",
    );
    expect(bandsSummary(new Array(11).fill(0), "attempts")).toBe("No attempts yet.");
  });

  it("says where half the viewers of a video have gone", () => {
    const video = {
      viewers: 4,
      averageWatchedShare: 0.625,
      points: [
        { second: 0, retention: 1, viewers: 4, plays: 4, stops: 0 },
        { second: 1, retention: 0.75, viewers: 3, plays: 3, stops: 1 },
        { second: 2, retention: 0.25, viewers: 1, plays: 2, stops: 0 },
      ],
    } as Pick<VideoEngagement, "viewers" | "averageWatchedShare" | "points">;
    expect(retentionSummary(video as VideoEngagement)).toBe(
      "4 viewers watched 63 % of the video on average; half the viewers are gone by 0:02; 25 % reach the last point.",
    );
  });
});

const lesson = (title: string, dropFromPrevious: number | null): FunnelLesson => ({
  lessonId: title,
  title,
  moduleTitle: "M",
  kind: "text",
  optional: false,
  position: 1,
  started: 0,
  completed: 0,
  startedShare: 0,
  completedShare: 0,
  dropFromPrevious,
  biggestDrop: false,
});

describe("the funnel's callout", () => {
  it("names the lesson before the biggest drop, in points", () => {
    const lessons = [
      lesson("Welcome", null),
      lesson("Setup", 0.05),
      lesson("Variables", 0.23),
      lesson("Loops", 0.1),
    ];
    expect(funnelCallout(lessons)).toBe("Most learners stop after “Setup”: −23 points.");
  });

  it("says nothing when nobody drops", () => {
    expect(funnelCallout([lesson("A", null), lesson("B", 0), lesson("C", -0.1)])).toBeNull();
    expect(formatPoints(0.01)).toBe("+1 point");
  });
});

describe("questions to review", () => {
  const question = (difficulty: number | null, discrimination: number | null) =>
    ({ difficulty, discrimination }) as QuizQuestion;

  it("flags a question too few get right or that does not tell strong from weak", () => {
    expect(reviewReasons(question(0.2, 0.5))).toEqual(["only 20 % get it right"]);
    expect(reviewReasons(question(0.8, 0.05))).toEqual([
      "strong and weak learners do about as well",
    ]);
    expect(reviewReasons(question(0.3, 0.1))).toEqual([]);
    expect(reviewReasons(question(null, null))).toEqual([]);
  });
});

describe("the learners table's sorting", () => {
  it("flips the direction of the sorted column and starts another at its natural one", () => {
    const byName = { sort: "name" as const, direction: "asc" as const };
    expect(nextSort(byName, "name")).toEqual({ sort: "name", direction: "desc" });
    expect(nextSort(byName, "progress")).toEqual({ sort: "progress", direction: "desc" });
    expect(ariaSort(byName, "name")).toBe("ascending");
    expect(ariaSort(byName, "progress")).toBe("none");
  });
});

describe("date ranges", () => {
  it("ends a preset today and counts today in", () => {
    expect(presetRange(7, "2026-03-04")).toEqual({ from: "2026-02-26", to: "2026-03-04" });
    expect(presetRange(30, "2026-01-15")).toEqual({ from: "2025-12-17", to: "2026-01-15" });
  });

  it("refuses a custom range that is reversed, incomplete or longer than the API allows", () => {
    expect(rangeProblem("2026-03-05", "2026-03-04")).toMatch(/must not be after/);
    expect(rangeProblem("", "2026-03-04")).toMatch(/both/);
    expect(rangeProblem("2025-01-01", "2026-03-04")).toMatch(/at most 367/);
    expect(rangeProblem("2026-03-01", "2026-03-04")).toBeNull();
  });
});

describe("CSV links", () => {
  it("carry the current filters and leave out empty ones", () => {
    expect(
      csvHref("c1", "overview", { from: "2026-03-01", to: "2026-03-07", granularity: "week" }),
    ).toBe("/api/courses/c1/analytics/overview.csv?from=2026-03-01&to=2026-03-07&granularity=week");
    expect(csvHref("c1", "video", { lessonId: "l9" })).toBe(
      "/api/courses/c1/analytics/video.csv?lessonId=l9",
    );
    expect(
      csvHref("c1", "learners", { query: "", sort: "name", atRiskOnly: true, inactiveDays: 7 }),
    ).toBe("/api/courses/c1/analytics/learners.csv?sort=name&atRiskOnly=true&inactiveDays=7");
    expect(csvHref("c1", "funnel")).toBe("/api/courses/c1/analytics/funnel.csv");
  });
});
