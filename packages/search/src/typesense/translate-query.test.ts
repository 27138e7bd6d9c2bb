import { type CatalogQueryInput, catalogQuerySchema } from "@lumen/shared";
import { describe, expect, it } from "vitest";
import { MARK_END, MARK_START } from "../highlight";
import { parseQuery } from "../query/parse";
import { filterBy, filterValue, queryText, sortBy, toSearchRequests } from "./translate-query";

// Pure translation: these tests build Typesense parameters and never contact a server.
const requests = (input: CatalogQueryInput) => {
  const query = catalogQuerySchema.parse(input);
  return toSearchRequests(query, parseQuery(query.query ?? ""), "courses");
};

describe("Typesense query translation (no server)", () => {
  it("wraps filter values in backticks so commas, spaces and && stay literal", () => {
    expect(filterValue("Arts, Humanities && (more)")).toBe("`Arts, Humanities && (more)`");
  });

  it("drops backticks from filter values, which Typesense cannot escape", () => {
    expect(filterValue("Data` || category:=`Business")).toBe("`Data || category:=Business`");
  });

  it("builds filter_by from every filter, optionally leaving one facet's own out", () => {
    const query = catalogQuerySchema.parse({
      category: "Data Science",
      level: "beginner",
      language: "es",
      minRating: 4.5,
    });
    expect(filterBy(query)).toBe(
      "category:=`Data Science` && level:=`beginner` && language:=`es` && rating_filter:>=4.5",
    );
    expect(filterBy(query, "level")).toBe(
      "category:=`Data Science` && language:=`es` && rating_filter:>=4.5",
    );
  });

  it("maps each sort, with relevance meaning newest when there is no text", () => {
    expect(sortBy("relevance", true)).toBe("_text_match:desc,enrollment_count:desc");
    expect(sortBy("relevance", false)).toBe("published_at:desc");
    expect(sortBy("newest", true)).toBe("published_at:desc");
    expect(sortBy("rating", false)).toBe("rating_score:desc,enrollment_count:desc");
    expect(sortBy("enrollments", true)).toBe("enrollment_count:desc,published_at:desc");
  });

  it("sends phrases quoted, exclusions with a minus, and * for no text", () => {
    expect(queryText(parseQuery('Machine "deep learning" -java -"web design"'))).toBe(
      'machine "deep learning" -java -"web design"',
    );
    expect(queryText(parseQuery(""))).toBe("*");
    expect(queryText(parseQuery("'; DROP TABLE x; --"))).toBe("drop table x");
  });

  it("sends both alternatives of an OR group as words, Typesense having no OR", () => {
    expect(queryText(parseQuery("python OR java"))).toBe("python java");
  });

  it("asks for the page, highlights with sentinel tags, weighted fields and typo tolerance", () => {
    const [main] = requests({ query: "pyhton", page: 3, pageSize: 10 });
    expect(main).toMatchObject({
      collection: "courses",
      q: "pyhton",
      query_by: "title,tags,subtitle,description",
      query_by_weights: "4,2,2,1",
      num_typos: 2,
      prefix: true,
      drop_tokens_threshold: 0,
      page: 3,
      per_page: 10,
      sort_by: "_text_match:desc,enrollment_count:desc",
      facet_by: "category,level,language",
      highlight_full_fields: "title,subtitle",
      highlight_start_tag: MARK_START,
      highlight_end_tag: MARK_END,
    });
    expect(main).not.toHaveProperty("filter_by");
  });

  it("adds one count-only search per filtered facet, without that facet's filter", () => {
    const all = requests({ query: "python", category: "Computer Science", language: "en" });
    expect(all).toHaveLength(3);
    expect(all[0]).toMatchObject({
      filter_by: "category:=`Computer Science` && language:=`en`",
      facet_by: "level",
    });
    expect(all[1]).toMatchObject({
      facet_by: "category",
      filter_by: "language:=`en`",
      per_page: 0,
    });
    expect(all[2]).toMatchObject({
      facet_by: "language",
      filter_by: "category:=`Computer Science`",
      per_page: 0,
    });
  });
});
