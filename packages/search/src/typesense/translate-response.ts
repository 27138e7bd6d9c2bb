import type { CatalogQuery } from "@lumen/shared";
import type { SearchResponse, SearchResponseHit } from "typesense/lib/Typesense/Documents";
import { FACET_FIELDS, type FacetField, finishFacets, pageCount } from "../facets";
import { highlightsOf } from "../highlight";
import { formatQuery, replaceWords, requiredWords } from "../query/format";
import type { ParsedQuery } from "../query/parse";
import type { FacetValue, SearchHit, SearchResult } from "../types";
import { type CourseDocument, toCourseCardFromDocument } from "./document";

type Response = SearchResponse<CourseDocument>;

function toHit(hit: SearchResponseHit<CourseDocument>): SearchHit {
  const { title, subtitle, description } = hit.highlight;
  return {
    ...toCourseCardFromDocument(hit.document),
    // Whole-field highlights come back as `value`, snippets as `snippet`.
    highlights: highlightsOf({
      title: title?.value ?? title?.snippet,
      subtitle: subtitle?.value ?? subtitle?.snippet,
      description: description?.snippet,
    }),
  };
}

function facetValues(response: Response | undefined, field: FacetField): FacetValue[] {
  const counts = response?.facet_counts?.find((f) => f.field_name === field)?.counts ?? [];
  return counts.map((c) => ({ value: c.value, count: c.count }));
}

/**
 * The responses of toSearchRequests → a SearchResult: the page and the unfiltered fields'
 * facets from the first, each filtered field's facet from its own count-only search.
 */
export function toSearchResult(
  query: CatalogQuery,
  parsed: ParsedQuery,
  responses: readonly Response[],
): SearchResult {
  const [main, ...facetOnly] = responses;
  const filtered = FACET_FIELDS.filter((field) => query[field]);
  const facets = Object.fromEntries(
    FACET_FIELDS.map((field) => {
      const index = filtered.indexOf(field);
      const source = index === -1 ? main : facetOnly[index];
      return [field, facetValues(source, field)];
    }),
  ) as Record<FacetField, FacetValue[]>;
  const items = (main?.hits ?? []).map(toHit);
  const total = main?.found ?? 0;
  const correctedQuery = correctionOf(parsed, main?.hits ?? []);
  return {
    items,
    total,
    page: query.page,
    pageSize: query.pageSize,
    pageCount: pageCount(total, query.pageSize),
    facets: finishFacets(facets, query),
    ...(correctedQuery ? { correctedQuery } : {}),
    backend: "typesense",
  };
}

/**
 * Typesense corrects typos silently. The words it actually matched are in the highlights:
 * a query word that no matched token starts with was corrected, to the closest such token.
 */
export function correctionOf(
  parsed: ParsedQuery,
  hits: readonly SearchResponseHit<CourseDocument>[],
): string | undefined {
  const matched = new Set<string>();
  for (const hit of hits) {
    for (const field of Object.values(hit.highlight)) {
      const tokens = field && "matched_tokens" in field ? field.matched_tokens : undefined;
      for (const token of tokens ?? []) {
        if (typeof token === "string") matched.add(token.toLowerCase());
      }
    }
  }
  if (matched.size === 0) return undefined;
  const replacements = new Map<string, string>();
  for (const word of requiredWords(parsed)) {
    if ([...matched].some((token) => token.startsWith(word))) continue;
    const closest = closestToken(word, matched);
    if (closest) replacements.set(word, closest);
  }
  return replacements.size > 0 ? formatQuery(replaceWords(parsed, replacements)) : undefined;
}

/** The matched token at the smallest edit distance (at most 2, Typesense's typo limit). */
function closestToken(word: string, tokens: Iterable<string>): string | undefined {
  let best: { token: string; distance: number } | undefined;
  for (const token of tokens) {
    const distance = editDistance(word, token);
    if (distance <= 2 && (!best || distance < best.distance)) best = { token, distance };
  }
  return best?.token;
}

/** Damerau–Levenshtein (optimal string alignment): a swap of two letters is one typo. */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, at(i - 2, j - 2) + 1);
      }
      const row = rows[i];
      if (row) row[j] = value;
    }
  }
  return at(a.length, b.length);
}
