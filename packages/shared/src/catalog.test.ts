import { describe, expect, it } from "vitest";
import { catalogQuerySchema } from "./catalog";

describe("catalogQuerySchema", () => {
  it("fills defaults for an empty query: newest first, page 1", () => {
    expect(catalogQuerySchema.parse({})).toEqual({ sort: "newest", page: 1, pageSize: 20 });
  });

  it("sorts by relevance by default when there is text, and drops blank text", () => {
    expect(catalogQuerySchema.parse({ query: " python " })).toMatchObject({
      query: "python",
      sort: "relevance",
    });
    expect(catalogQuerySchema.parse({ query: "   " })).toMatchObject({
      query: undefined,
      sort: "newest",
    });
    expect(catalogQuerySchema.parse({ query: "python", sort: "rating" }).sort).toBe("rating");
  });

  it("coerces query-string numbers, as the edge receives them", () => {
    expect(catalogQuerySchema.parse({ page: "3", pageSize: "10", minRating: "4.5" })).toMatchObject(
      {
        page: 3,
        pageSize: 10,
        minRating: 4.5,
      },
    );
  });

  it("rejects unknown filter values and sorts, long queries and huge pages", () => {
    for (const bad of [
      { level: "expert" },
      { category: "Cooking" },
      { sort: "price" },
      { language: "english" },
      { language: "xx" },
      { minRating: 6 },
      { pageSize: 51 },
      { page: 0 },
      { query: "x".repeat(201) },
    ]) {
      expect(catalogQuerySchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it("accepts SQL-looking and operator text as plain text", () => {
    expect(
      catalogQuerySchema.parse({ query: `"machine learning" -python OR '; drop table courses; --` })
        .query,
    ).toContain("drop table");
  });
});
