import { describe, expect, it } from "vitest";
import { catalogQuerySchema } from "./catalog";

describe("catalogQuerySchema", () => {
  it("fills defaults for an empty query", () => {
    expect(catalogQuerySchema.parse({})).toEqual({ sort: "newest", page: 1, pageSize: 20 });
  });

  it("coerces query-string numbers, as the edge receives them", () => {
    expect(
      catalogQuerySchema.parse({ page: "3", pageSize: "10", level: "advanced" }),
    ).toMatchObject({
      page: 3,
      pageSize: 10,
      level: "advanced",
    });
  });

  it("trims categories and rejects unknown levels, sorts, long or odd languages and huge pages", () => {
    expect(catalogQuerySchema.parse({ category: "  Design " }).category).toBe("Design");
    for (const bad of [
      { level: "expert" },
      { sort: "price" },
      { language: "english" },
      { language: "E1" },
      { pageSize: 51 },
      { page: 0 },
      { category: "x".repeat(81) },
    ]) {
      expect(catalogQuerySchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
