import { describe, expect, it } from "vitest";
import { normalizeCatalogQuery, normalizeSlug } from "../src/catalog/query";

const canonical = (search: string) => {
  const result = normalizeCatalogQuery(new URLSearchParams(search));
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return result.search;
};

describe("normalizeCatalogQuery", () => {
  it("renders equivalent queries identically", () => {
    const forms = [
      "query=Machine Learning&category=Computer Science&level=advanced&language=de",
      "language=DE&level=Advanced&category=computer%20science&query=machine%20%20learning",
      "query= MACHINE   learning &category=COMPUTER SCIENCE&level=ADVANCED&language=de&page=1",
    ];
    expect(new Set(forms.map(canonical))).toEqual(
      new Set(["category=Computer+Science&language=de&level=advanced&query=machine+learning"]),
    );
  });

  it("drops defaults, empty values and unknown parameters", () => {
    expect(canonical("")).toBe("");
    expect(canonical("page=1&pageSize=20&sort=newest&query=&category=&utm_source=x")).toBe("");
    expect(canonical("query=sql&sort=relevance")).toBe("query=sql");
  });

  it("keeps non-default values in canonical number form", () => {
    expect(canonical("page=02&pageSize=10&minRating=4.50&sort=rating")).toBe(
      "minRating=4.5&page=2&pageSize=10&sort=rating",
    );
    // Without text the default sort is newest, so relevance must be kept (and vice versa).
    expect(canonical("sort=relevance")).toBe("sort=relevance");
    expect(canonical("query=sql&sort=newest")).toBe("query=sql&sort=newest");
  });

  it("takes the first of repeated parameters", () => {
    expect(canonical("level=beginner&level=advanced")).toBe("level=beginner");
  });

  it("reports each bad field with the contract's message", () => {
    const result = normalizeCatalogQuery(new URLSearchParams("level=expert&sort=price&page=0"));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(Object.keys(result.fieldErrors).sort()).toEqual(["level", "page", "sort"]);
      expect(result.fieldErrors.sort).toEqual([
        "sort must be relevance, newest, rating or enrollments",
      ]);
    }
  });
});

describe("normalizeSlug", () => {
  it("lowercases a valid slug and rejects what can never be one", () => {
    expect(normalizeSlug("Intro-To-R-12")).toBe("intro-to-r-12");
    expect(normalizeSlug("no spaces")).toBeNull();
    expect(normalizeSlug("-leading-dash")).toBeNull();
    expect(normalizeSlug("x".repeat(161))).toBeNull();
  });
});
