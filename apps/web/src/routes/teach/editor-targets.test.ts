import { describe, expect, it } from "vitest";
import { parseTab, problemTarget } from "./editor-targets";

describe("publish problem targets", () => {
  it("course fields open the details tab on that field", () => {
    expect(problemTarget({ field: "description" })).toEqual({
      tab: "details",
      elementId: "course-description",
    });
  });

  it("an empty text lesson opens that lesson's editor", () => {
    expect(problemTarget({ field: "lessons", moduleId: "m1", lessonId: "l1" })).toEqual({
      tab: "outline",
      elementId: "lesson-body-l1",
      openLessonId: "l1",
    });
  });

  it("an assignment without a prompt opens its prompt, without a rubric its rubric", () => {
    const at = { field: "lessons", moduleId: "m1", lessonId: "l1" };
    expect(problemTarget({ ...at, code: "assignment_no_prompt" })).toEqual({
      tab: "outline",
      elementId: "lesson-body-l1",
      openLessonId: "l1",
    });
    expect(problemTarget({ ...at, code: "assignment_no_rubric" })).toEqual({
      tab: "outline",
      elementId: "lesson-rubric-l1",
      openLessonId: "l1",
    });
  });

  it("an empty module focuses its add-lesson field", () => {
    expect(problemTarget({ field: "modules", moduleId: "m2" })).toEqual({
      tab: "outline",
      elementId: "add-lesson-title-m2",
    });
  });

  it("no lessons goes to the first module, no modules to the new-module field", () => {
    expect(problemTarget({ field: "lessons" }, "m1").elementId).toBe("add-lesson-title-m1");
    expect(problemTarget({ field: "lessons" }).elementId).toBe("new-module-title");
    expect(problemTarget({ field: "modules" }).elementId).toBe("new-module-title");
  });

  it("anything unknown lands on the title", () => {
    expect(problemTarget({ field: "mystery" })).toEqual({
      tab: "details",
      elementId: "course-title",
    });
  });

  it("reads the tab from the URL", () => {
    expect(parseTab("outline")).toBe("outline");
    expect(parseTab("nope")).toBe("details");
    expect(parseTab(null)).toBe("details");
  });
});
