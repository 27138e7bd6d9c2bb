import { describe, expect, it } from "vitest";
import "../../../../lib/i18n/testing";
import {
  fromLocalInput,
  leaseOf,
  newCriterion,
  newLevel,
  rubricMaxPoints,
  toDraft,
  toLocalInput,
  toSaveInput,
  windowOf,
} from "./assignment-editor";
import {
  addCriterion,
  addExample,
  addLevel,
  applySaved,
  moveCriterion,
  moveLevel,
  removeCriterion,
  removeLevel,
  updateExample,
  updateLevel,
} from "./assignment-editor-edits";
import { ids, LESSON, savedAssignment, U } from "./assignment-fixtures";

describe("toDraft and toSaveInput", () => {
  it("shows numbers as text, the window in days and the lease in hours, and sends back the API's", () => {
    const saved = savedAssignment();
    const draft = toDraft(saved, "Write about a bridge.", undefined, ids());
    expect(draft.prompt).toBe("Write about a bridge.");
    expect(draft.settings).toMatchObject({
      reviewsToGive: "3",
      windowAmount: "7",
      windowUnit: "days",
      leaseAmount: "8",
      leaseUnit: "hours",
      dueAt: "",
    });
    expect(draft.examples[0]?.scores[U(1)]).toEqual({ levelId: U(12), comment: "Thin support." });
    const input = toSaveInput(LESSON, draft);
    expect(input.settings).toEqual(saved.settings);
    expect(input.rubric).toEqual(saved.rubric);
    expect(input.examples).toEqual([
      {
        id: U(31),
        body: "Bridges are good.",
        scores: [
          { criterionId: U(1), levelId: U(12), comment: "Thin support." },
          { criterionId: U(2), levelId: U(22), comment: "" },
        ],
      },
    ]);
  });

  it("keeps a window or lease that is not whole days or hours in the smaller unit", () => {
    expect(windowOf(36)).toEqual({ amount: "36", unit: "hours" });
    expect(windowOf(48)).toEqual({ amount: "2", unit: "days" });
    expect(leaseOf(90)).toEqual({ amount: "90", unit: "minutes" });
    const draft = toDraft(savedAssignment(), "", undefined, ids());
    draft.settings.windowAmount = "36";
    draft.settings.windowUnit = "hours";
    draft.settings.leaseAmount = "1.5";
    const input = toSaveInput(LESSON, draft);
    expect(input.settings.reviewWindowHours).toBe(36);
    expect(input.settings.leaseMinutes).toBe(90);
  });

  it("sends a datetime-local value as an ISO instant and shows one back the same", () => {
    const iso = fromLocalInput("2027-03-04T17:30");
    expect(iso).toMatch(/^2027-03-0[345]T\d{2}:30:00\.000Z$/);
    expect(toLocalInput(iso)).toBe("2027-03-04T17:30");
    expect(fromLocalInput("")).toBeNull();
    expect(fromLocalInput("tomorrow")).toBeNull();
    expect(toLocalInput(null)).toBe("");
    const draft = toDraft(savedAssignment(), "", undefined, ids());
    draft.settings.dueAt = "2027-03-04T17:30";
    expect(toSaveInput(LESSON, draft).settings.dueAt).toBe(iso);
  });

  it("new criteria start with two levels worth 0 and 1; a new level is worth one more", () => {
    const criterion = newCriterion(ids());
    expect(criterion.levels.map((l) => l.points)).toEqual(["0", "1"]);
    expect(new Set([criterion.id, ...criterion.levels.map((l) => l.id)]).size).toBe(3);
    expect(newLevel(criterion.levels, ids()).points).toBe("2");
    expect(rubricMaxPoints(toDraft(savedAssignment(), "").rubric)).toBe(5);
  });

  it("makes real uuids for criteria and levels by default", () => {
    expect(newCriterion().id).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("rubric and example edits", () => {
  const draft = () => toDraft(savedAssignment(), "", undefined, ids());

  it("adds, moves and removes criteria; removing one drops the examples' choices for it", () => {
    const added = addCriterion(draft(), newCriterion(ids()));
    expect(added.rubric).toHaveLength(3);
    const moved = moveCriterion(added, 0, 1);
    expect(moved.rubric.map((c) => c.title)).toEqual(["Style", "Argument", ""]);
    expect(moveCriterion(moved, 0, -1).rubric.map((c) => c.title)).toEqual([
      "Style",
      "Argument",
      "",
    ]);
    const removed = removeCriterion(moved, U(1));
    expect(removed.rubric.map((c) => c.id)).not.toContain(U(1));
    expect(Object.keys(removed.examples[0]?.scores ?? {})).toEqual([U(2)]);
  });

  it("adds levels up to six, reorders and rewords them; removing a chosen level clears the choice", () => {
    let d = draft();
    for (let i = 0; i < 5; i++) d = addLevel(d, U(2));
    expect(d.rubric[1]?.levels).toHaveLength(6);
    d = moveLevel(d, U(1), 2, -1);
    expect(d.rubric[0]?.levels.map((l) => l.label)).toEqual(["Missing", "Convincing", "Partial"]);
    d = updateLevel(d, U(1), U(12), { label: "Some", points: "3" });
    expect(d.rubric[0]?.levels[2]).toMatchObject({ label: "Some", points: "3" });
    d = removeLevel(d, U(1), U(12));
    expect(d.examples[0]?.scores[U(1)]).toEqual({ levelId: "", comment: "Thin support." });
  });

  it("adds at most three examples and records the instructor's choice per criterion", () => {
    let d = draft();
    for (let i = 0; i < 4; i++) d = addExample(d);
    expect(d.examples).toHaveLength(3);
    const key = d.examples[1]?.key ?? "";
    d = updateExample(d, key, {
      body: "Mine",
      score: { criterionId: U(2), value: { levelId: U(21), comment: "" } },
    });
    expect(d.examples[1]).toMatchObject({ body: "Mine", scores: { [U(2)]: { levelId: U(21) } } });
  });

  it("after a save, shows the server's draft, or keeps later edits with the new example ids", () => {
    const sent = addExample(draft(), { key: "new", id: undefined, body: "B", scores: {} });
    const result = savedAssignment({
      examples: [...savedAssignment().examples, { id: U(32), body: "B", scores: [] }],
    });
    const same = applySaved(sent, sent, result);
    expect(same.draft.examples.map((e) => [e.key, e.id])).toEqual([
      [sent.examples[0]?.key, U(31)],
      ["new", U(32)],
    ]);
    const later = { ...sent, prompt: "typed meanwhile" };
    const kept = applySaved(later, sent, result);
    expect(kept.draft.prompt).toBe("typed meanwhile");
    expect(kept.draft.examples[1]?.id).toBe(U(32));
  });
});
