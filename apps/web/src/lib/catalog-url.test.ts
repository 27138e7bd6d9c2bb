import { describe, expect, it } from "vitest";
import {
  type CatalogFilters,
  parseCatalogSearch,
  serializeCatalogSearch,
  toListInput,
  withFilter,
} from "./catalog-url";

const parse = (query: string) => parseCatalogSearch(new URLSearchParams(query));

describe("catalog URL state", () => {
  it("an empty query means every course, newest first, page 1", () => {
    expect(parse("")).toEqual({
      category: undefined,
      level: undefined,
      language: undefined,
      sort: "newest",
      page: 1,
    });
  });

  it("reads every filter from the query", () => {
    expect(parse("category=Data+Science&level=advanced&language=fr&sort=rating&page=3")).toEqual({
      category: "Data Science",
      level: "advanced",
      language: "fr",
      sort: "rating",
      page: 3,
    });
  });

  it("falls back to defaults for values a hand-edited link gets wrong", () => {
    expect(parse("level=expert&language=French&sort=price&page=-2&category=%20")).toEqual({
      category: undefined,
      level: undefined,
      language: undefined,
      sort: "newest",
      page: 1,
    });
    expect(parse("page=2.5").page).toBe(1);
    expect(parse("page=abc").page).toBe(1);
  });

  it("round-trips through the URL", () => {
    const filters: CatalogFilters = {
      category: "Business & Finance",
      level: "beginner",
      language: "de",
      sort: "enrollments",
      page: 4,
    };
    expect(parseCatalogSearch(serializeCatalogSearch(filters))).toEqual(filters);
  });

  it("leaves defaults out of the URL", () => {
    expect(serializeCatalogSearch(parse("sort=newest&page=1")).toString()).toBe("");
    expect(serializeCatalogSearch(parse("level=beginner&page=2")).toString()).toBe(
      "level=beginner&page=2",
    );
  });

  it("changing a filter goes back to page 1", () => {
    const next = withFilter(parse("category=Design&page=5"), { level: "advanced" });
    expect(next).toMatchObject({ category: "Design", level: "advanced", page: 1 });
  });

  it("builds the list input without empty filters", () => {
    expect(toListInput(parse("level=beginner&page=2"))).toEqual({
      level: "beginner",
      sort: "newest",
      page: 2,
      pageSize: 12,
    });
  });
});
