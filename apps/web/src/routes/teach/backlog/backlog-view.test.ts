// The backlog's words go through the catalog: English is active as in the app.
import "../../../lib/i18n/testing";
import { describe, expect, it } from "vitest";
import {
  backlogPath,
  chosenPoints,
  countsSummary,
  gradedByLabel,
  initialStaffScores,
  isOverride,
  percentText,
  type StaffSubmission,
  serverGradeErrors,
  stackedSegments,
  staffGradeErrors,
} from "./backlog-view";

const counts = { waiting: 1, in_review: 2, graded: 4, flagged: 1, needs_staff: 0 };

const rubric: StaffSubmission["rubric"] = [
  {
    id: "c1",
    title: "Argument",
    description: "",
    commentRequired: true,
    levels: [
      { id: "l1", label: "Weak", description: "", points: 0 },
      { id: "l2", label: "Strong", description: "", points: 4 },
    ],
  },
  {
    id: "c2",
    title: "Style",
    description: "",
    commentRequired: false,
    levels: [
      { id: "l3", label: "Rough", description: "", points: 0 },
      { id: "l4", label: "Clear", description: "", points: 2 },
    ],
  },
];

function submission(patch: Partial<StaffSubmission> = {}): StaffSubmission {
  return {
    id: "s1",
    learnerName: "Ada",
    body: "Text",
    status: "graded",
    rubric,
    grade: {
      points: 5,
      maxPoints: 6,
      percent: 83.3,
      passed: true,
      gradedBy: "peers",
      scores: [
        { criterionId: "c1", levelId: "", points: 3, comment: "" },
        { criterionId: "c2", levelId: "l4", points: 2, comment: "" },
      ],
      staffNote: null,
      gradedAt: "2026-12-06T10:00:00.000Z",
    },
    reviews: [],
    ...patch,
  };
}

describe("backlog chart", () => {
  it("stacks the states with submissions, in order, across the width", () => {
    const segments = stackedSegments(counts, 80);
    expect(segments.map((s) => [s.state, s.count, s.x, s.width])).toEqual([
      ["waiting", 1, 0, 10],
      ["in_review", 2, 10, 20],
      ["graded", 4, 30, 40],
      ["flagged", 1, 70, 10],
    ]);
    expect(
      stackedSegments({ ...counts, waiting: 0, in_review: 0, graded: 0, flagged: 0 }, 80),
    ).toEqual([]);
  });

  it("says the counts in one sentence", () => {
    expect(countsSummary(counts)).toBe(
      "8 submissions: 1 waiting, 2 in review, 4 graded, 1 flagged.",
    );
    expect(countsSummary({ waiting: 0, in_review: 0, graded: 0, flagged: 0, needs_staff: 0 })).toBe(
      "No submissions yet.",
    );
  });
});

describe("backlog words", () => {
  it("names where the backlog lives, who graded and the grade", () => {
    expect(backlogPath("c", "l")).toBe("/teach/courses/c/assignments/l");
    expect(gradedByLabel("override")).toBe("Staff override");
    expect(gradedByLabel(null)).toBe("—");
    expect(percentText(83.3)).toBe("83 %");
    expect(percentText(null)).toBe("—");
  });
});

describe("staff grade", () => {
  it("is an override on a graded submission only", () => {
    expect(isOverride("graded")).toBe(true);
    expect(isOverride("needs_staff")).toBe(false);
  });

  it("starts from the grade's levels where it names one (a median between levels names none)", () => {
    expect(initialStaffScores(submission())).toEqual({ c2: { levelId: "l4", comment: "" } });
    expect(initialStaffScores(submission({ grade: null }))).toEqual({});
  });

  it("wants a level per criterion and a comment where asked, and sums the points chosen", () => {
    expect(staffGradeErrors(rubric, { c2: { levelId: "l4", comment: "" } })).toEqual({
      c1: "Choose a level for “Argument”.",
    });
    const scores = { c1: { levelId: "l2", comment: " " }, c2: { levelId: "l4", comment: "" } };
    expect(staffGradeErrors(rubric, scores)).toEqual({ c1: "Explain your choice for “Argument”." });
    expect(chosenPoints(rubric, scores)).toEqual({ points: 6, max: 6 });
  });

  it("places the API's scores.<criterion> errors on criteria and keeps the rest for the form", () => {
    expect(
      serverGradeErrors({ "scores.c1": "Choose a level.", note: "Too long." }, "Check the grade."),
    ).toEqual({ scores: { c1: "Choose a level." }, note: "Too long." });
    expect(serverGradeErrors({}, "Check the grade.")).toEqual({
      scores: {},
      form: "Check the grade.",
    });
    expect(serverGradeErrors({ "scores.0.levelId": "bad id" }, "x").form).toBe("bad id");
  });
});
