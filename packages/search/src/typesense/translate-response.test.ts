import { type CatalogQueryInput, catalogQuerySchema } from "@lumen/shared";
import type { SearchResponse, SearchResponseHit } from "typesense/lib/Typesense/Documents";
import { describe, expect, it } from "vitest";
import { MARK_END, MARK_START } from "../highlight";
import { parseQuery } from "../query/parse";
import type { CourseDocument } from "./document";
import { correctionOf, editDistance, toSearchResult } from "./translate-response";

// Pure translation: canned Typesense responses, no server.
const doc = (id: string, title: string, extra: Partial<CourseDocument> = {}): CourseDocument => ({
  id,
  slug: id,
  title,
  subtitle: "",
  description: "",
  tags: [],
  category: "Computer Science",
  level: "beginner",
  language: "en",
  rating_average: 4.5,
  rating_count: 10,
  rating_score: 4.0,
  rating_filter: 4.5,
  enrollment_count: 7,
  published_at: Date.UTC(2025, 0, 1),
  instructor_name: "Ada",
  source_updated_at: 1,
  indexed_at: 1,
  ...extra,
});

const hit = (
  document: CourseDocument,
  highlight: SearchResponseHit<CourseDocument>["highlight"] = {},
): SearchResponseHit<CourseDocument> => ({ document, highlight, text_match: 1 });

const response = (
  hits: SearchResponseHit<CourseDocument>[],
  facets: Array<[keyof CourseDocument, Array<[string, number]>]> = [],
  found = hits.length,
): SearchResponse<CourseDocument> => ({
  hits,
  found,
  out_of: 100,
  page: 1,
  request_params: {},
  search_time_ms: 1,
  facet_counts: facets.map(([field, counts]) => ({
    field_name: field,
    sampled: false,
    stats: {},
    counts: counts.map(([value, count]) => ({ value, count, highlighted: value })),
  })),
});

const translate = (input: CatalogQueryInput, responses: SearchResponse<CourseDocument>[]) => {
  const query = catalogQuerySchema.parse(input);
  return toSearchResult(query, parseQuery(query.query ?? ""), responses);
};

describe("Typesense response translation (no server)", () => {
  it("maps documents to cards, with cover URLs and dates", () => {
    const result = translate({ query: "python" }, [
      response([hit(doc("c1", "Python", { cover_image_key: "covers/c1.png" }))], [], 41),
    ]);
    expect(result).toMatchObject({
      total: 41,
      page: 1,
      pageSize: 20,
      pageCount: 3,
      backend: "typesense",
    });
    expect(result.items[0]).toMatchObject({
      id: "c1",
      title: "Python",
      coverImageUrl: "/media/covers/c1.png",
      ratingAverage: 4.5,
      enrollmentCount: 7,
      instructorName: "Ada",
      publishedAt: new Date(Date.UTC(2025, 0, 1)),
    });
  });

  it("turns sentinel-tagged highlights into escaped HTML with <mark>", () => {
    const [item] = translate({ query: "html" }, [
      response([
        hit(doc("c1", "<HTML> & CSS"), {
          title: { value: `<${MARK_START}HTML${MARK_END}> & CSS`, matched_tokens: ["HTML"] },
          description: {
            snippet: `learn ${MARK_START}html${MARK_END} fast`,
            matched_tokens: ["html"],
          },
          subtitle: { value: "no match here", matched_tokens: [] },
        }),
      ]),
    ]).items;
    expect(item?.highlights).toEqual({
      title: "&lt;<mark>HTML</mark>&gt; &amp; CSS",
      description: "learn <mark>html</mark> fast",
    });
  });

  it("takes each filtered facet's counts from its own count-only search", () => {
    const result = translate({ query: "python", category: "Computer Science" }, [
      response(
        [],
        [
          ["level", [["beginner", 3]]],
          [
            "language",
            [
              ["en", 2],
              ["es", 1],
            ],
          ],
        ],
      ),
      response(
        [],
        [
          [
            "category",
            [
              ["Computer Science", 3],
              ["Data Science", 5],
            ],
          ],
        ],
      ),
    ]);
    expect(result.facets).toEqual({
      category: [
        { value: "Data Science", count: 5 },
        { value: "Computer Science", count: 3 },
      ],
      level: [{ value: "beginner", count: 3 }],
      language: [
        { value: "en", count: 2 },
        { value: "es", count: 1 },
      ],
    });
  });

  it("keeps a selected value in its facet with 0 when Typesense returns none", () => {
    const result = translate({ language: "fr" }, [response([]), response([], [["language", []]])]);
    expect(result.facets.language).toEqual([{ value: "fr", count: 0 }]);
  });

  it("reports the correction Typesense applied silently, from the matched tokens", () => {
    const hits = [hit(doc("c1", "Python"), { title: { value: "x", matched_tokens: ["Python"] } })];
    expect(correctionOf(parseQuery("pyhton"), hits)).toBe("python");
    expect(correctionOf(parseQuery("pyth"), hits)).toBeUndefined();
    expect(correctionOf(parseQuery("pyhton"), [])).toBeUndefined();
    const result = translate({ query: "pyhton" }, [response(hits)]);
    expect(result.correctedQuery).toBe("python");
  });

  it("counts a swap of two letters as one typo", () => {
    expect(editDistance("pyhton", "python")).toBe(1);
    expect(editDistance("machne", "machine")).toBe(1);
    expect(editDistance("java", "python")).toBeGreaterThan(2);
  });
});
