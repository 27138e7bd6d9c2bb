import { describe, expect, it } from "vitest";
// English is active: the messages these helpers build read as written.
import "../../../lib/i18n/testing";
import { assignmentFixture, submissionFixture } from "./assignment-fixtures";
import {
  accuracyPercent,
  flagStatus,
  formatMoment,
  formatTimeLeft,
  gradedByText,
  leaseAnnouncement,
  noLeaseText,
  reviewedText,
  reviewWindowText,
  stepsOf,
} from "./assignment-view";

const states = (a: ReturnType<typeof assignmentFixture>) =>
  stepsOf(a).map((s) => `${s.key}:${s.state}`);

describe("the stepper", () => {
  it("starts on Submit with nothing done", () => {
    expect(states(assignmentFixture())).toEqual([
      "submit:current",
      "review:upcoming",
      "waiting:upcoming",
      "graded:upcoming",
    ]);
  });

  it("moves to Review others after submitting and counts the reviews given", () => {
    const a = assignmentFixture({
      stage: "reviewing",
      submission: submissionFixture(),
      reviewing: { given: 1, toGive: 3, lease: null },
    });
    expect(states(a)).toEqual([
      "submit:done",
      "review:current",
      "waiting:upcoming",
      "graded:upcoming",
    ]);
    expect(stepsOf(a)[1]?.detail).toBe("1 of 3 given");
  });

  it("waits for reviews once all are given, counting those received", () => {
    const a = assignmentFixture({
      stage: "waiting",
      submission: submissionFixture({ status: "in_review", reviewsReceived: 2 }),
      reviewing: { given: 3, toGive: 3, lease: null },
    });
    expect(states(a)).toEqual(["submit:done", "review:done", "waiting:current", "graded:upcoming"]);
    expect(stepsOf(a)[2]?.detail).toBe("2 of 3 received");
  });

  it("waits for an instructor when the submission went to staff", () => {
    const a = assignmentFixture({
      stage: "needs_staff",
      submission: submissionFixture({ status: "needs_staff", reviewsReceived: 0 }),
      reviewing: { given: 3, toGive: 3, lease: null },
    });
    expect(stepsOf(a)[2]).toMatchObject({ label: "Waiting for an instructor", state: "current" });
  });

  it("keeps Review others current when graded before giving every review", () => {
    const a = assignmentFixture({
      stage: "graded",
      submission: submissionFixture({ status: "graded", reviewsReceived: 3 }),
      grade: grade("peers"),
      reviewing: { given: 2, toGive: 3, lease: null },
    });
    expect(states(a)).toEqual(["submit:done", "review:current", "waiting:done", "graded:done"]);
  });

  it("says there are no reviews to give when none are asked", () => {
    const a = assignmentFixture({
      stage: "waiting",
      submission: submissionFixture(),
      reviewing: { given: 0, toGive: 0, lease: null },
    });
    expect(stepsOf(a)[1]).toMatchObject({ detail: "No reviews to give", state: "done" });
  });
});

function grade(gradedBy: "peers" | "peers_partial" | "staff" | "override") {
  return {
    points: 4,
    maxPoints: 5,
    percent: 80,
    passed: true,
    gradedBy,
    scores: [],
    staffNote: null,
    gradedAt: "2026-12-05T10:00:00.000Z",
  };
}

describe("how the grade came about", () => {
  it("names each way a submission is graded", () => {
    expect(gradedByText(grade("peers"), 3, 3)).toBe("Graded from the median of 3 peer reviews.");
    expect(gradedByText(grade("peers_partial"), 2, 3)).toBe(
      "Graded from 2 of 3 reviews because the review window closed.",
    );
    expect(gradedByText(grade("staff"), 0, 3)).toBe("An instructor graded your submission.");
    expect(gradedByText(grade("override"), 3, 3)).toBe(
      "An instructor graded your submission; this replaces the peer grade.",
    );
  });
});

describe("the lease's clock", () => {
  it("counts down to the minute", () => {
    expect(formatTimeLeft(8 * 3_600_000)).toBe("8 h left");
    expect(formatTimeLeft(7 * 3_600_000 + 5 * 60_000 + 30_000)).toBe("7 h 5 min left");
    expect(formatTimeLeft(12 * 60_000 + 59_000)).toBe("12 min left");
    expect(formatTimeLeft(59_000)).toBe("Less than a minute left");
    expect(formatTimeLeft(0)).toBe("Time is up");
    expect(formatTimeLeft(-5_000)).toBe("Time is up");
  });

  it("tells a screen reader only at five minutes, one minute and the end", () => {
    expect(leaseAnnouncement(3_600_000)).toBe("");
    expect(leaseAnnouncement(5 * 60_000 + 1)).toBe("");
    expect(leaseAnnouncement(4 * 60_000)).toBe("About five minutes left to submit this review.");
    expect(leaseAnnouncement(4 * 60_000)).toBe(leaseAnnouncement(2 * 60_000));
    expect(leaseAnnouncement(30_000)).toBe("About a minute left to submit this review.");
    expect(leaseAnnouncement(0)).toBe("Your time to review this submission ran out.");
  });
});

describe("dates and numbers", () => {
  it("shows a moment in the given locale and zone", () => {
    expect(formatMoment("2026-12-06T15:45:00Z", "en-US", "UTC")).toBe("Dec 6, 2026, 3:45 PM");
    expect(formatMoment("2026-12-06T15:45:00Z", "de-DE", "UTC")).toBe("06.12.2026, 15:45");
    expect(formatMoment("nonsense")).toBe("");
  });

  it("states the review window in days or hours", () => {
    const { settings } = assignmentFixture();
    expect(reviewWindowText(settings)).toBe("Reviews of your work close 7 days after you submit.");
    expect(reviewWindowText({ ...settings, reviewWindowHours: 36 })).toBe(
      "Reviews of your work close 36 hours after you submit.",
    );
  });

  it("shows calibration accuracy as a whole percent", () => {
    expect(accuracyPercent(0.833)).toBe("83 %");
    expect(accuracyPercent(1)).toBe("100 %");
  });
});

describe("review next with nothing handed out", () => {
  it("says what to do about each reason", () => {
    expect(noLeaseText("submit_first", 0, 3)).toMatch(/^Submit your own work first/);
    expect(noLeaseText("calibrate_first", 0, 3)).toMatch(/practice examples first/);
    expect(noLeaseText("none_available", 1, 3)).toBe(
      "Nothing to review right now — check back later. Submissions arrive as classmates submit, and one whose reviewer ran out of time goes back to the pool. You still have 2 reviews to give; this lesson completes once you have given them or your review window closes.",
    );
    expect(noLeaseText("none_available", 3, 3)).not.toMatch(/still have/);
  });

  it("counts the reviews given after each one", () => {
    expect(reviewedText(1, 3)).toBe("Review submitted — 1 of 3 given.");
    expect(reviewedText(3, 3)).toMatch(/That's all the reviews asked of you/);
    expect(reviewedText(4, 3)).toBe("Review submitted — thank you. You have given 4 reviews.");
  });
});

describe("a flagged review", () => {
  const review = { flagged: true, flagResolution: null };
  it("says staff will look, then what they decided", () => {
    expect(flagStatus(review)).toBe("Flagged — staff will look at it.");
    expect(flagStatus({ ...review, flagResolution: "kept" })).toMatch(/kept this review/);
    expect(flagStatus({ ...review, flagResolution: "overridden" })).toMatch(
      /graded your submission/,
    );
  });
});
