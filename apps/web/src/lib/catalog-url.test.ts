import { describe, expect, it } from "vitest";
import {
  activeFilterCount,
  type CatalogSearch,
  catalogHref,
  EMPTY_SEARCH,
  filterValue,
  parseCatalogSearch,
  serializeCatalogSearch,
  toListInput,
  withChange,
  withFilterValue,
  withoutFilters,
} from "./catalog-url";

const parse = (query: string) => parseCatalogSearch(new URLSearchParams(query));

describe("catalog URL state", () => {
  it("an empty URL means every course, newest first, page 1", () => {
    expect(parse("")).toEqual(EMPTY_SEARCH);
  });

  it("reads text, every filter, the sort and the page", () => {
    expect(
      parse("query=machine+learning&category=Data+Science&level=advanced&language=fr").category,
    ).toBe("Data Science");
    expect(
      parse(
        "query=machine+learning&category=Data+Science&level=advanced&language=fr&minRating=4.5&sort=rating&page=3",
      ),
    ).toEqual({
      query: "machine learning",
      category: "Data Science",
      level: "advanced",
      language: "fr",
      minRating: 4.5,
      sort: "rating",
      page: 3,
    });
  });

  it("sorts by relevance when there is text, unless a sort is chosen", () => {
    expect(parse("query=python").sort).toBe("relevance");
    expect(parse("query=python&sort=newest").sort).toBe("newest");
    // Relevance without text has nothing to rank by.
    expect(parse("sort=relevance").sort).toBe("newest");
  });

  it("accepts the taxonomy's values whatever their case, and nothing else", () => {
    expect(parse("category=data+science&language=FR&level=Beginner")).toMatchObject({
      category: "Data Science",
      language: "fr",
      level: "beginner",
    });
    expect(parse("category=Cooking&language=xx&level=expert&sort=price")).toEqual(EMPTY_SEARCH);
  });

  it("falls back to defaults for values a hand-edited link gets wrong", () => {
    expect(parse("page=-2").page).toBe(1);
    expect(parse("page=2.5").page).toBe(1);
    expect(parse("page=abc").page).toBe(1);
    expect(parse("minRating=9").minRating).toBeUndefined();
    expect(parse("minRating=abc").minRating).toBeUndefined();
    expect(parse("query=%20%20").query).toBeUndefined();
  });

  it("collapses whitespace and caps the text at the API's limit", () => {
    expect(parse("query=%20deep%20%20%20learning%20").query).toBe("deep learning");
    expect(parse(`query=${"x".repeat(300)}`).query).toHaveLength(200);
  });

  it("round-trips through the URL", () => {
    const search: CatalogSearch = {
      query: `"react hooks" -class`,
      category: "Business",
      level: "beginner",
      language: "de",
      minRating: 4,
      sort: "enrollments",
      page: 4,
    };
    expect(parseCatalogSearch(serializeCatalogSearch(search))).toEqual(search);
  });

  it("leaves defaults out of the URL", () => {
    expect(serializeCatalogSearch(parse("sort=newest&page=1")).toString()).toBe("");
    expect(serializeCatalogSearch(parse("query=sql&sort=relevance")).toString()).toBe("query=sql");
    expect(catalogHref(parse("level=beginner&page=2"))).toBe("/?level=beginner&page=2");
    expect(catalogHref(EMPTY_SEARCH)).toBe("/");
  });

  it("changing the text, a filter or the sort goes back to page 1", () => {
    expect(withChange(parse("category=Design&page=5"), { level: "advanced" })).toMatchObject({
      category: "Design",
      level: "advanced",
      page: 1,
    });
    expect(withChange(parse("query=go&page=3"), { query: "rust" })).toMatchObject({
      query: "rust",
      page: 1,
    });
  });

  it("the default sort follows the text; a chosen sort stays", () => {
    expect(withChange(EMPTY_SEARCH, { query: "go" }).sort).toBe("relevance");
    expect(serializeCatalogSearch(withChange(EMPTY_SEARCH, { query: "go" })).toString()).toBe(
      "query=go",
    );
    expect(withChange(parse("query=go&sort=newest"), { query: "rust" }).sort).toBe("newest");
  });

  it("drops the relevance sort once the text is cleared", () => {
    const cleared = withChange(parse("query=go"), { query: "" });
    expect(cleared).toMatchObject({ query: undefined, sort: "newest" });
    expect(withChange(parse("sort=rating"), { query: "go" }).sort).toBe("rating");
  });

  it("clearing filters keeps the text and the sort", () => {
    const search = parse("query=go&category=Design&minRating=4&sort=rating&page=2");
    expect(activeFilterCount(search)).toBe(2);
    expect(withoutFilters(search)).toEqual({
      ...EMPTY_SEARCH,
      query: "go",
      sort: "rating",
    });
  });

  it("builds the list input without empty filters", () => {
    expect(toListInput(parse("level=beginner&page=2"))).toEqual({
      level: "beginner",
      sort: "newest",
      page: 2,
      pageSize: 12,
    });
    expect(toListInput(parse("query=sql&minRating=3.5"))).toEqual({
      query: "sql",
      minRating: 3.5,
      sort: "relevance",
      page: 1,
      pageSize: 12,
    });
  });

  it("sets a filter from a facet's raw value, refusing values the API would not accept", () => {
    const search = parse("query=go&page=3");
    expect(withFilterValue(search, "category", "Design")).toMatchObject({
      query: "go",
      category: "Design",
      page: 1,
    });
    expect(withFilterValue(search, "minRating", "4")).toMatchObject({ minRating: 4 });
    expect(withFilterValue(search, "language", "klingon").language).toBeUndefined();
    expect(withFilterValue(parse("level=advanced"), "level", undefined)).toEqual(EMPTY_SEARCH);
    expect(filterValue(parse("minRating=4.5"), "minRating")).toBe("4.5");
    expect(filterValue(EMPTY_SEARCH, "category")).toBeUndefined();
  });
});
