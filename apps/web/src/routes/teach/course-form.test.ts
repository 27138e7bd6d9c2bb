// Validation messages go through the catalog: English is active as in the app.
import "../../lib/i18n/testing";
import { describe, expect, it } from "vitest";
import {
  addTags,
  type CourseFormValues,
  changedFields,
  firstInvalid,
  normalizeTag,
  validateCourseForm,
} from "./course-form";

const values: CourseFormValues = {
  title: "Quantum Origami",
  subtitle: "",
  description: "",
  category: "Physical Science",
  level: "beginner",
  language: "en",
  tags: [],
};

describe("course form", () => {
  it("accepts a minimal draft", () => {
    expect(validateCourseForm(values)).toEqual({});
  });

  it("refuses text the API can't store, with the API's message, before a round trip", () => {
    expect(
      validateCourseForm({
        ...values,
        title: "Quantum\u0000",
        subtitle: "broken \ud800",
        description: "two\nlines\tare fine",
      }),
    ).toEqual({
      title: "Title contains an invisible control character (U+0000). Remove it.",
      subtitle: "Subtitle contains a broken character (U+D800). Retype that part.",
    });
  });

  it("names each field that is missing or too long", () => {
    const errors = validateCourseForm({
      ...values,
      title: "  ",
      subtitle: "s".repeat(201),
      category: "",
      tags: Array.from({ length: 11 }, (_, i) => `t${i}`),
    });
    expect(errors).toEqual({
      title: "Give your course a title.",
      subtitle: "Use at most 200 characters.",
      category: "Choose a category.",
      tags: "Use at most 10 tags.",
    });
    expect(firstInvalid(errors)).toBe("title");
    expect(firstInvalid({ language: "x", category: "y" })).toBe("category");
  });

  it("sends only what changed", () => {
    expect(changedFields(values, { ...values, title: "Quantum Origami " })).toEqual({});
    expect(
      changedFields(values, { ...values, description: "# Hi", tags: ["paper"], level: "advanced" }),
    ).toEqual({ description: "# Hi", tags: ["paper"], level: "advanced" });
  });
});

describe("tags", () => {
  it("normalizes like the server", () => {
    expect(normalizeTag("  Paper   Folding ")).toBe("paper folding");
    expect(normalizeTag("x".repeat(40))).toHaveLength(30);
  });

  it("adds comma-separated tags without blanks or duplicates, up to ten", () => {
    expect(addTags(["paper"], "Paper, geometry, , art")).toEqual(["paper", "geometry", "art"]);
    const nine = Array.from({ length: 9 }, (_, i) => `t${i}`);
    expect(addTags(nine, "a, b, c")).toHaveLength(10);
  });
});
