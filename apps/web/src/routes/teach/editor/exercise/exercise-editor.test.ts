import { describe, expect, it } from "vitest";
import "../../../../lib/i18n/testing";
import { newTest, toDraft, toSaveInput } from "./exercise-editor";
import { addTest, applySaved, moveTest, removeTest, updateTest } from "./exercise-editor-edits";
import { ids, LESSON, savedExercise, T } from "./exercise-fixtures";

describe("toDraft and toSaveInput", () => {
  it("shows the time limit in seconds and numbers as text, and sends them back as the API's", () => {
    const draft = toDraft(savedExercise(), "Add two numbers.", undefined, ids());
    expect(draft.prompt).toBe("Add two numbers.");
    expect(draft.settings.timeLimitSeconds).toBe("1.5");
    expect(draft.settings.unlimited).toBe(true);
    expect(draft.tests.map((t) => [t.key, t.id, t.sample, t.points])).toEqual([
      ["id1", T(1), true, "1"],
      ["id2", T(2), false, "3"],
    ]);
    const input = toSaveInput(LESSON, draft);
    expect(input.settings).toEqual(savedExercise().settings);
    expect(input.tests).toEqual(savedExercise().tests);
    expect(input.referenceSolution).toBe(savedExercise().referenceSolution);
  });

  it("reads typed seconds and commas, and drops a function name a stdio exercise does not call", () => {
    const draft = toDraft(savedExercise(), "", undefined, ids());
    draft.settings.timeLimitSeconds = "0,25";
    draft.settings.functionName = "solve";
    draft.settings.unlimited = false;
    draft.settings.maxAttempts = "4";
    const input = toSaveInput(LESSON, draft);
    expect(input.settings.timeLimitMs).toBe(250);
    expect(input.settings.functionName).toBe("");
    expect(input.settings.maxAttempts).toBe(4);
    draft.settings.style = "function";
    draft.settings.functionName = " solve ";
    expect(toSaveInput(LESSON, draft).settings.functionName).toBe("solve");
  });

  it("keeps the saved tolerance's default when the hidden tolerance field holds nonsense", () => {
    const draft = toDraft(savedExercise(), "", undefined, ids());
    draft.settings.tolerance = "lots";
    expect(toSaveInput(LESSON, draft).settings.tolerance).toBe(0.000001);
    draft.settings.tolerance = "0.01";
    expect(toSaveInput(LESSON, draft).settings.tolerance).toBe(0.01);
  });

  it("sends new tests without an id and never trims their input or expected output", () => {
    const draft = toDraft(savedExercise({ tests: [] }), "", undefined, ids());
    const added = addTest(draft, { ...newTest(draft.tests, ids()), input: "  x\n\n" });
    expect(toSaveInput(LESSON, added).tests).toEqual([
      { sample: true, points: 1, input: "  x\n\n", expected: "" },
    ]);
  });
});

describe("test edits", () => {
  const base = () => toDraft(savedExercise(), "", undefined, ids());

  it("makes the first new test a sample and later ones hidden", () => {
    expect(newTest([]).sample).toBe(true);
    expect(newTest(base().tests).sample).toBe(false);
  });

  it("adds at most 50 tests", () => {
    let draft = base();
    for (let i = 0; i < 60; i++) draft = addTest(draft);
    expect(draft.tests).toHaveLength(50);
  });

  it("moves, updates and removes a test by its key", () => {
    const moved = moveTest(base(), 0, 1);
    expect(moved.tests.map((t) => t.id)).toEqual([T(2), T(1)]);
    expect(moveTest(base(), 0, -1).tests.map((t) => t.id)).toEqual([T(1), T(2)]);
    const hidden = updateTest(moved, "id1", { sample: false, points: "5" });
    expect(hidden.tests[1]).toMatchObject({ id: T(1), sample: false, points: "5" });
    expect(removeTest(hidden, "id2").tests.map((t) => t.id)).toEqual([T(1)]);
  });
});

describe("applySaved", () => {
  it("gives new tests their ids and keeps their keys, so focus survives the save", () => {
    const draft = toDraft(savedExercise({ tests: [] }), "Prompt", undefined, ids());
    const sent = addTest(draft, { ...newTest([], () => "new"), input: "1\n", expected: "1\n" });
    const result = savedExercise({
      tests: [{ id: T(7), sample: true, points: 1, input: "1\n", expected: "1\n" }],
    });
    const { draft: shown, saved } = applySaved(sent, sent, result);
    expect(shown.tests[0]).toMatchObject({ key: "new", id: T(7) });
    expect(saved).toEqual(shown);
    expect(saved.prompt).toBe("Prompt");
  });

  it("keeps edits made while the save was on its way, and they stay unsaved", () => {
    const draft = toDraft(savedExercise({ tests: [] }), "", undefined, ids());
    const sent = addTest(draft, { ...newTest([], () => "new"), expected: "1\n" });
    const typing = updateTest(sent, "new", { expected: "2\n" });
    const result = savedExercise({
      tests: [{ id: T(7), sample: true, points: 1, input: "", expected: "1\n" }],
    });
    const { draft: shown, saved } = applySaved(typing, sent, result);
    expect(shown.tests[0]).toMatchObject({ id: T(7), expected: "2\n" });
    expect(saved.tests[0]?.expected).toBe("1\n");
  });
});
