import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { withI18n } from "../../../lib/i18n/testing";
import { assignmentFixture, submissionFixture } from "./assignment-fixtures";
import type { Grade } from "./assignment-view";
import { GradeReport } from "./GradeReport";

function render(grade: Grade, over: Parameters<typeof assignmentFixture>[0] = {}) {
  const assignment = assignmentFixture({
    stage: "graded",
    submission: submissionFixture({ status: "graded", locked: true, reviewsReceived: 2 }),
    grade,
    reviews: [
      {
        reviewId: "r1",
        label: "Reviewer 1",
        scores: [
          { criterionId: "c1", levelId: "c1-good", points: 3, comment: "Strong thesis." },
          { criterionId: "c2", levelId: "c2-poor", points: 1, comment: "" },
        ],
        flagged: false,
        flagReason: null,
        flagResolution: null,
      },
      {
        reviewId: "r2",
        label: "Reviewer 2",
        scores: [
          { criterionId: "c1", levelId: "c1-weak", points: 0, comment: "No evidence." },
          { criterionId: "c2", levelId: "c2-fine", points: 2, comment: "" },
        ],
        flagged: true,
        flagReason: "Ignores my sources",
        flagResolution: null,
      },
    ],
    ...over,
  });
  return renderToStaticMarkup(
    withI18n(
      <QueryClientProvider client={new QueryClient()}>
        <GradeReport assignment={assignment} grade={grade} courseId="course-1" />
      </QueryClientProvider>,
    ),
  );
}

const grade = (over: Partial<Grade> = {}): Grade => ({
  points: 3,
  maxPoints: 5,
  percent: 60,
  passed: true,
  gradedBy: "peers_partial",
  scores: [
    { criterionId: "c1", levelId: "c1-good", points: 1.5, comment: "" },
    { criterionId: "c2", levelId: "c2-fine", points: 1.5, comment: "" },
  ],
  staffNote: null,
  gradedAt: "2026-12-05T10:00:00.000Z",
  ...over,
});

describe("the grade", () => {
  it("says it was graded from the reviews it had when the window closed", () => {
    const html = render(grade());
    expect(html).toContain("3 of 5 points");
    expect(html).toContain("60 %");
    expect(html).toContain("Passed");
    expect(html).toContain("Graded from 2 of 3 reviews because the review window closed.");
    expect(html).toContain("Median: 1.5 of 3 points");
  });

  it("shows each anonymous review with its levels and comments, and flags per review", () => {
    const html = render(grade());
    expect(html).toContain("Reviewer 1");
    expect(html).toContain("Good — 3 points");
    expect(html).toContain("Strong thesis.");
    expect(html.match(/>Flag as unfair</g)).toHaveLength(1);
    expect(html).toContain("Flagged — staff will look at it.");
  });

  it("says an instructor's grade replaces the peers', with the note", () => {
    const html = render(grade({ gradedBy: "override", staffNote: "Your sources hold up." }));
    expect(html).toContain("An instructor graded your submission; this replaces the peer grade.");
    expect(html).toContain("Your sources hold up.");
    expect(html).toContain("Instructor&#x27;s grade: 1.5 of 3 points");
  });

  it("shows a failing grade as not passed", () => {
    expect(render(grade({ passed: false, percent: 40 }))).toContain("Not passed");
  });
});
