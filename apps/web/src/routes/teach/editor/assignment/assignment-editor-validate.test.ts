import { describe, expect, it } from "vitest";
import "../../../../lib/i18n/testing";
import { toDraft } from "./assignment-editor";
import { addExample, updateLevel } from "./assignment-editor-edits";
import { serverAssignmentErrors } from "./assignment-editor-server-errors";
import { countErrors, firstInvalidId, validateAssignment } from "./assignment-editor-validate";
import { ids, LESSON, savedAssignment, U } from "./assignment-fixtures";

const draft = () => toDraft(savedAssignment(), "Write about a bridge.", undefined, ids());

describe("validateAssignment", () => {
  it("passes a saved assignment", () => {
    expect(countErrors(validateAssignment(draft()))).toBe(0);
  });

  it("checks review counts, window, lease and passing score with the API's bounds", () => {
    const d = draft();
    Object.assign(d.settings, {
      reviewsToGive: "11",
      reviewsNeeded: "0",
      windowAmount: "400",
      windowUnit: "days",
      leaseAmount: "2",
      leaseUnit: "minutes",
      passingPercent: "101",
    });
    const e = validateAssignment(d).settings;
    expect(Object.keys(e).sort()).toEqual(
      ["lease", "passingPercent", "reviewsNeeded", "reviewsToGive", "window"].sort(),
    );
    expect(e.reviewsNeeded).toBe("Each submission needs from 1 to 10 reviews.");
  });

  it("wants reviews to close after submissions are due", () => {
    const d = draft();
    d.settings.dueAt = "2027-03-04T17:30";
    d.settings.reviewsCloseAt = "2027-03-04T12:00";
    expect(validateAssignment(d).settings.reviewsCloseAt).toBe(
      "Reviews must close after submissions are due.",
    );
    d.settings.reviewsCloseAt = "2027-03-10T12:00";
    expect(validateAssignment(d).settings.reviewsCloseAt).toBeUndefined();
  });

  it("names every criterion and level, with whole points from 0 to 100, and focuses the first", () => {
    let d = draft();
    d.rubric[1] = { ...(d.rubric[1] as (typeof d.rubric)[number]), title: " " };
    d = updateLevel(d, U(1), U(12), { label: "", points: "2.5" });
    const errors = validateAssignment(d);
    expect(errors.criteria[U(2)]?.title).toBe("Name every criterion.");
    expect(errors.levels[U(12)]).toEqual({
      label: "Name every level.",
      points: "Points must be a whole number from 0 to 100.",
    });
    expect(firstInvalidId(LESSON, d, errors)).toBe(`level-${U(12)}-label`);
  });

  it("wants each example written and graded on every criterion, with comments where asked", () => {
    let d = draft();
    d = addExample(d, { key: "ex2", id: undefined, body: "", scores: {} });
    d.examples[0] = {
      ...(d.examples[0] as (typeof d.examples)[number]),
      scores: { [U(1)]: { levelId: U(13), comment: "" } },
    };
    const errors = validateAssignment(d);
    const first = d.examples[0]?.key ?? "";
    expect(errors.examples[first]?.scores).toEqual({
      [U(1)]: "Explain your choice for “Argument”.",
      [U(2)]: "Choose a level for “Style”.",
    });
    expect(errors.examples.ex2?.body).toBe("Write the example submission.");
    // The first example's first criterion has a level: focus goes to its comment.
    expect(firstInvalidId(LESSON, d, errors)).toBe(`example-${first}-grade-${U(1)}-comment`);
  });

  it("focuses the prompt first, then settings", () => {
    const d = draft();
    d.prompt = "x".repeat(100_001);
    d.settings.reviewsNeeded = "";
    expect(firstInvalidId(LESSON, d, validateAssignment(d))).toBe(`lesson-body-${LESSON}`);
    d.prompt = "";
    expect(firstInvalidId(LESSON, d, validateAssignment(d))).toBe(
      `assignment-${LESSON}-reviewsNeeded`,
    );
  });
});

describe("serverAssignmentErrors", () => {
  it("places settings, rubric, level and example errors on their fields", () => {
    const d = draft();
    const errors = serverAssignmentErrors(
      {
        "settings.reviewsCloseAt": "Reviews must close after submissions are due.",
        "settings.leaseMinutes": "A reviewer needs at least 5 minutes.",
        "rubric.1.title": "Name every criterion.",
        "rubric.0.levels.2.points": "Points must be a whole number.",
        "examples.0": "Example 1: Choose a level for “Style”.",
        body: "Lesson text is too long.",
      },
      "Check the form.",
      d,
    );
    expect(errors.settings).toEqual({
      reviewsCloseAt: "Reviews must close after submissions are due.",
      lease: "A reviewer needs at least 5 minutes.",
    });
    expect(errors.criteria[U(2)]).toEqual({ title: "Name every criterion." });
    expect(errors.levels[U(13)]).toEqual({ points: "Points must be a whole number." });
    expect(errors.examples[d.examples[0]?.key ?? ""]?.grade).toBe(
      "Example 1: Choose a level for “Style”.",
    );
    expect(errors.prompt).toBe("Lesson text is too long.");
    expect(errors.form).toBeUndefined();
  });

  it("a locked rubric is the rubric's error; what names no field is the form's", () => {
    const d = draft();
    const locked = serverAssignmentErrors({ rubric: "Reviews have started…" }, "x", d);
    expect(locked.rubric).toBe("Reviews have started…");
    expect(firstInvalidId(LESSON, d, locked)).toBe(`lesson-rubric-${LESSON}`);
    expect(serverAssignmentErrors({}, "Something broke.", d).form).toBe("Something broke.");
    expect(serverAssignmentErrors({ lessonId: "bad" }, "x", d).form).toBe("bad");
  });
});
