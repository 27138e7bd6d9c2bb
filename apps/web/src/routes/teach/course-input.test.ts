import { describe, expect, it } from "vitest";
import type { CourseFormValues } from "./course-form";
import { toCourseInput, toCoursePatch } from "./course-input";

const values: CourseFormValues = {
  title: " Quantum Origami ",
  subtitle: "",
  description: "# Hi ",
  category: "Mathematics",
  level: "beginner",
  language: "en",
  tags: ["paper"],
};

describe("course form → API input", () => {
  it("types the selects and trims the texts", () => {
    expect(toCourseInput(values)).toEqual({
      title: "Quantum Origami",
      subtitle: "",
      description: "# Hi",
      category: "Mathematics",
      level: "beginner",
      language: "en",
      tags: ["paper"],
    });
  });

  it("refuses values outside the taxonomy", () => {
    expect(toCourseInput({ ...values, category: "Cooking" })).toBeNull();
    expect(toCourseInput({ ...values, language: "xx" })).toBeNull();
  });

  it("patches only the changed fields", () => {
    expect(
      toCoursePatch({ description: "x", level: "advanced" }, { ...values, level: "advanced" }),
    ).toEqual({
      description: "# Hi",
      level: "advanced",
    });
    expect(toCoursePatch({}, values)).toEqual({});
  });
});
