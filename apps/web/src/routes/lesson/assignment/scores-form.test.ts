import { describe, expect, it } from "vitest";
// English is active: the messages these helpers build read as written.
import "../../../lib/i18n/testing";
import { assignmentFixture } from "./assignment-fixtures";
import {
  chooseLevel,
  emptyScores,
  firstErrorCriterion,
  formForLease,
  isLeaseExpired,
  levelName,
  scoresInput,
  validateScores,
  writeComment,
} from "./scores-form";

const { rubric } = assignmentFixture();

describe("a grade by rubric", () => {
  it("asks for a level on every criterion, and a comment where required", () => {
    let form = emptyScores("sub-1");
    expect(validateScores(rubric, form)).toEqual({
      "scores.c1": "Choose a level for “Argument”.",
      "scores.c2": "Choose a level for “Style”.",
    });
    form = chooseLevel(form, "c1", "c1-good");
    form = chooseLevel(form, "c2", "c2-fine");
    expect(validateScores(rubric, form)).toEqual({
      "scores.c1": "Explain your choice for “Argument”.",
    });
    form = writeComment(form, "c1", "   ");
    expect(Object.keys(validateScores(rubric, form))).toEqual(["scores.c1"]);
    form = writeComment(form, "c1", "Clear thesis.");
    expect(validateScores(rubric, form)).toEqual({});
  });

  it("sends one level per chosen criterion, with its comment", () => {
    let form = chooseLevel(emptyScores("sub-1"), "c2", "c2-poor");
    form = writeComment(form, "c2", "Typos");
    expect(scoresInput(rubric, form)).toEqual([
      { criterionId: "c2", levelId: "c2-poor", comment: "Typos" },
    ]);
  });

  it("changing the level keeps the comment", () => {
    let form = writeComment(emptyScores("sub-1"), "c1", "Why");
    form = chooseLevel(form, "c1", "c1-weak");
    form = chooseLevel(form, "c1", "c1-good");
    expect(form.scores.c1).toEqual({ levelId: "c1-good", comment: "Why" });
  });

  it("focuses the first criterion in rubric order that has an error", () => {
    expect(firstErrorCriterion(rubric, { "scores.c2": "x", "scores.c1": "y" })).toBe("c1");
    expect(firstErrorCriterion(rubric, { "scores.c2": "x" })).toBe("c2");
    expect(firstErrorCriterion(rubric, { scores: "form" })).toBeNull();
  });

  it("names a level with its points", () => {
    expect(levelName({ label: "Good", points: 3 })).toBe("Good — 3 points");
    expect(levelName({ label: "Fair", points: 1 })).toBe("Fair — 1 point");
  });
});

describe("a review kept across an expired lease", () => {
  const written = writeComment(chooseLevel(emptyScores("sub-1"), "c1", "c1-good"), "c1", "Nice");

  it("recognises the server's lease-expired refusal", () => {
    const message =
      "Your time to review this submission ran out, so it went back to the pool and this review was not recorded.";
    expect(isLeaseExpired("CONFLICT", message)).toBe(true);
    expect(isLeaseExpired("CONFLICT", "You already reviewed this submission.")).toBe(false);
    expect(isLeaseExpired("BAD_REQUEST", message)).toBe(false);
  });

  it("keeps every score when the same submission is leased again", () => {
    expect(formForLease(written, "sub-1")).toBe(written);
  });

  it("starts blank for a different submission", () => {
    expect(formForLease(written, "sub-2")).toEqual(emptyScores("sub-2"));
    expect(formForLease(null, "sub-2")).toEqual(emptyScores("sub-2"));
  });
});
