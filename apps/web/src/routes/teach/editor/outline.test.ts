import { describe, expect, it } from "vitest";
import "../../../lib/i18n/testing";
import { applyOutlineChange, lessonStep, type OutlineModule } from "./outline";

const lesson = (id: string, position: number) => ({
  id,
  title: `Lesson ${id}`,
  kind: "text" as const,
  position,
  durationSeconds: 60,
  body: "",
});

const outline: OutlineModule[] = [
  {
    id: "m1",
    title: "One",
    position: 0,
    lessons: [lesson("a", 0), lesson("b", 1), lesson("c", 2)],
  },
  { id: "m2", title: "Two", position: 1, lessons: [lesson("d", 0)] },
  { id: "m3", title: "Three", position: 2, lessons: [] },
];

const shape = (modules: OutlineModule[]) =>
  modules.map(
    (m) => `${m.id}@${m.position}:${m.lessons.map((l) => `${l.id}${l.position}`).join(",")}`,
  );

describe("outline changes", () => {
  it("reorders modules and renumbers them", () => {
    expect(
      shape(applyOutlineChange(outline, { type: "reorderModules", moduleIds: ["m3", "m1", "m2"] })),
    ).toEqual(["m3@0:", "m1@1:a0,b1,c2", "m2@2:d0"]);
  });

  it("renames and deletes modules", () => {
    const renamed = applyOutlineChange(outline, {
      type: "renameModule",
      moduleId: "m2",
      title: "Deux",
    });
    expect(renamed[1]?.title).toBe("Deux");
    expect(renamed[0]).toBe(outline[0]);
    expect(shape(applyOutlineChange(outline, { type: "deleteModule", moduleId: "m1" }))).toEqual([
      "m2@0:d0",
      "m3@1:",
    ]);
  });

  it("reorders lessons inside a module", () => {
    const next = applyOutlineChange(outline, {
      type: "reorderLessons",
      moduleId: "m1",
      lessonIds: ["c", "a", "b"],
    });
    expect(shape(next)[0]).toBe("m1@0:c0,a1,b2");
    expect(next[1]).toBe(outline[1]);
  });

  it("moves a lesson to another module at a position", () => {
    expect(
      shape(
        applyOutlineChange(outline, {
          type: "moveLesson",
          lessonId: "b",
          toModuleId: "m2",
          position: 0,
        }),
      ),
    ).toEqual(["m1@0:a0,c1", "m2@1:b0,d1", "m3@2:"]);
    expect(
      shape(
        applyOutlineChange(outline, {
          type: "moveLesson",
          lessonId: "a",
          toModuleId: "m3",
          position: 9,
        }),
      )[2],
    ).toBe("m3@2:a0");
  });

  it("moves a lesson within its module", () => {
    expect(
      shape(
        applyOutlineChange(outline, {
          type: "moveLesson",
          lessonId: "a",
          toModuleId: "m1",
          position: 2,
        }),
      )[0],
    ).toBe("m1@0:b0,c1,a2");
  });

  it("ignores moves of unknown lessons or to unknown modules", () => {
    expect(
      applyOutlineChange(outline, {
        type: "moveLesson",
        lessonId: "zz",
        toModuleId: "m1",
        position: 0,
      }),
    ).toBe(outline);
    expect(
      applyOutlineChange(outline, {
        type: "moveLesson",
        lessonId: "a",
        toModuleId: "mx",
        position: 0,
      }),
    ).toBe(outline);
  });

  it("updates and deletes lessons", () => {
    const updated = applyOutlineChange(outline, {
      type: "updateLesson",
      lessonId: "d",
      patch: { body: "# Hi" },
    });
    expect(updated[1]?.lessons[0]?.body).toBe("# Hi");
    expect(updated[0]).toBe(outline[0]);
    expect(shape(applyOutlineChange(outline, { type: "deleteLesson", lessonId: "a" }))[0]).toBe(
      "m1@0:b0,c1",
    );
  });
});

describe("keyboard lesson moves", () => {
  it("steps within a module", () => {
    expect(lessonStep(outline, "b", 1)).toEqual({ toModuleId: "m1", position: 2 });
    expect(lessonStep(outline, "b", -1)).toEqual({ toModuleId: "m1", position: 0 });
  });

  it("crosses into the neighbouring module at its near end", () => {
    expect(lessonStep(outline, "c", 1)).toEqual({ toModuleId: "m2", position: 0 });
    expect(lessonStep(outline, "d", -1)).toEqual({ toModuleId: "m1", position: 3 });
    expect(lessonStep(outline, "d", 1)).toEqual({ toModuleId: "m3", position: 0 });
  });

  it("stops at the ends of the course", () => {
    expect(lessonStep(outline, "a", -1)).toBeNull();
    expect(lessonStep(outline, "zz", 1)).toBeNull();
  });
});
