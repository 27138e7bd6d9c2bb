import type { CatalogQuery } from "@lumen/shared";
import type { MultiSearchRequestSchema } from "typesense/lib/Typesense/Types";
import { FACET_FIELDS, type FacetField } from "../facets";
import { MARK_END, MARK_START } from "../highlight";
import type { Atom, ParsedQuery } from "../query/parse";
import type { CourseDocument } from "./document";

export type SearchRequest = MultiSearchRequestSchema<CourseDocument, string>;

/** Title matches weigh most, then tags and subtitle, then the description. */
export const QUERY_BY = "title,tags,subtitle,description";
export const QUERY_BY_WEIGHTS = "4,2,2,1";
/** Enough for every category (12) and language (8): a facet lists all its values. */
const MAX_FACET_VALUES = 20;

/**
 * A filter value in backticks, where commas, spaces, parentheses and `&&` are literal.
 * Typesense has no escape for a backtick inside backticks, so backticks are removed: no
 * catalog value contains one, and a value can never close its quotes early.
 */
export function filterValue(value: string): string {
  return `\`${value.replaceAll("`", "")}\``;
}

/** filter_by for the query's filters, leaving out `except` (for that facet's own counts). */
export function filterBy(query: CatalogQuery, except?: FacetField): string {
  const parts = FACET_FIELDS.flatMap((field) => {
    const value = query[field];
    return value && field !== except ? [`${field}:=${filterValue(value)}`] : [];
  });
  if (query.minRating !== undefined) parts.push(`rating_filter:>=${query.minRating}`);
  return parts.join(" && ");
}

export function sortBy(sort: CatalogQuery["sort"], hasText: boolean): string {
  switch (sort) {
    case "relevance":
      return hasText ? "_text_match:desc,enrollment_count:desc" : "published_at:desc";
    case "newest":
      return "published_at:desc";
    case "rating":
      return "rating_score:desc,enrollment_count:desc";
    case "enrollments":
      return "enrollment_count:desc,published_at:desc";
  }
}

function atomText(atom: Atom): string {
  return atom.kind === "phrase" ? `"${atom.words.join(" ")}"` : atom.word;
}

/**
 * Typesense's q from the parsed query: phrases in quotes, exclusions with a leading minus.
 * Typesense has no OR operator, so the alternatives of an OR group are all sent as words
 * (their documents then need every word); everything else means the same as in Postgres.
 */
export function queryText(query: ParsedQuery): string {
  const parts = query.required.flat().map(atomText);
  for (const atom of query.excluded) parts.push(`-${atomText(atom)}`);
  return parts.length > 0 ? parts.join(" ") : "*";
}

/**
 * One multi_search: the page with the facets of unfiltered fields, plus one count-only
 * search per filtered field without that field's own filter, which gives each facet's
 * counts "with the other filters applied" (Typesense counts with every filter otherwise).
 */
export function toSearchRequests(
  query: CatalogQuery,
  parsed: ParsedQuery,
  collection: string,
): SearchRequest[] {
  const q = queryText(parsed);
  const common = {
    collection,
    q,
    query_by: QUERY_BY,
    query_by_weights: QUERY_BY_WEIGHTS,
    prefix: true,
    num_typos: 2,
    // Never silently drop query words to find something: every word must match.
    drop_tokens_threshold: 0,
    max_facet_values: MAX_FACET_VALUES,
  } satisfies SearchRequest;
  const filtered = FACET_FIELDS.filter((field) => query[field]);
  const filters = filterBy(query);
  const facets = FACET_FIELDS.filter((f) => !query[f]).join(",");
  const main: SearchRequest = {
    ...common,
    ...(filters ? { filter_by: filters } : {}),
    ...(facets ? { facet_by: facets } : {}),
    sort_by: sortBy(query.sort, q !== "*"),
    page: query.page,
    per_page: query.pageSize,
    highlight_fields: "title,subtitle,description",
    highlight_full_fields: "title,subtitle",
    highlight_affix_num_tokens: 8,
    highlight_start_tag: MARK_START,
    highlight_end_tag: MARK_END,
  };
  const facetOnly = filtered.map((field): SearchRequest => {
    const others = filterBy(query, field);
    return { ...common, ...(others ? { filter_by: others } : {}), facet_by: field, per_page: 0 };
  });
  return [main, ...facetOnly];
}
