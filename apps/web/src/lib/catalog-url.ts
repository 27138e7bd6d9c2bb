import {
  CATALOG_SORTS,
  CATEGORIES,
  type CatalogSort,
  type Category,
  COURSE_LEVELS,
  type CourseLevel,
  LANGUAGE_CODES,
  type LanguageCode,
  SEARCH_QUERY_MAX_LENGTH,
} from "@lumen/shared/constants";

/**
 * The catalog's search lives in the URL (shareable, back button works). Parsing is lenient:
 * a hand-edited or stale link falls back to defaults instead of failing the page, and only
 * values the API accepts reach it (it answers anything else with a 400).
 */
export interface CatalogSearch {
  query: string | undefined;
  category: Category | undefined;
  level: CourseLevel | undefined;
  language: LanguageCode | undefined;
  minRating: number | undefined;
  sort: CatalogSort;
  page: number;
}

export type CatalogFilterKey = "category" | "level" | "language" | "minRating";

export const PAGE_SIZE = 12;
export const RATING_STEPS = [4.5, 4, 3.5, 3] as const;
const MAX_PAGE = 10_000;

export const EMPTY_SEARCH: CatalogSearch = {
  query: undefined,
  category: undefined,
  level: undefined,
  language: undefined,
  minRating: undefined,
  sort: "newest",
  page: 1,
};

/** Relevance only means something when there is text to be relevant to. */
export function defaultSort(query: string | undefined): CatalogSort {
  return query ? "relevance" : "newest";
}

export function sortsFor(query: string | undefined): readonly CatalogSort[] {
  return query ? CATALOG_SORTS : CATALOG_SORTS.filter((s) => s !== "relevance");
}

function oneOf<T extends string>(values: readonly T[], raw: string | null): T | undefined {
  const wanted = raw?.trim().toLowerCase();
  return wanted ? values.find((v) => v.toLowerCase() === wanted) : undefined;
}

export function normalizeQuery(raw: string | null | undefined): string | undefined {
  const text = raw?.replace(/\s+/g, " ").trim().slice(0, SEARCH_QUERY_MAX_LENGTH).trim();
  return text || undefined;
}

function parseRating(raw: string | null): number | undefined {
  if (!raw) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || value > 5) return undefined;
  return Math.round(value * 10) / 10;
}

export function parseCatalogSearch(params: URLSearchParams): CatalogSearch {
  const query = normalizeQuery(params.get("query"));
  const page = Number(params.get("page"));
  const sort = oneOf(sortsFor(query), params.get("sort")) ?? defaultSort(query);
  return {
    query,
    category: oneOf(CATEGORIES, params.get("category")),
    level: oneOf(COURSE_LEVELS, params.get("level")),
    language: oneOf(LANGUAGE_CODES, params.get("language")),
    minRating: parseRating(params.get("minRating")),
    sort,
    page: Number.isInteger(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1,
  };
}

/** Writes only what differs from the defaults, in a stable order, so URLs stay short. */
export function serializeCatalogSearch(search: CatalogSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.query) params.set("query", search.query);
  if (search.category) params.set("category", search.category);
  if (search.level) params.set("level", search.level);
  if (search.language) params.set("language", search.language);
  if (search.minRating) params.set("minRating", String(search.minRating));
  if (search.sort !== defaultSort(search.query)) params.set("sort", search.sort);
  if (search.page > 1) params.set("page", String(search.page));
  return params;
}

export function catalogHref(search: CatalogSearch): string {
  const query = serializeCatalogSearch(search).toString();
  return query ? `/?${query}` : "/";
}

/**
 * Any change of text, filter or sort starts again from page 1; paging keeps the rest. The
 * default sort follows the text (relevance with text, newest without) unless the user chose
 * one; a sort that no longer applies (relevance once the text is gone) falls back too.
 */
export function withChange(
  search: CatalogSearch,
  change: Partial<Omit<CatalogSearch, "page">>,
): CatalogSearch {
  const next = { ...search, ...change, page: 1 };
  if ("query" in change) {
    next.query = normalizeQuery(change.query);
    if (!("sort" in change) && search.sort === defaultSort(search.query)) {
      next.sort = defaultSort(next.query);
    }
  }
  if (!sortsFor(next.query).includes(next.sort)) next.sort = defaultSort(next.query);
  return next;
}

/** Sets one filter from a raw value (as a facet gives it); a value the API would refuse clears it. */
export function withFilterValue(
  search: CatalogSearch,
  key: CatalogFilterKey,
  raw: string | undefined,
): CatalogSearch {
  const params = serializeCatalogSearch(search);
  if (raw === undefined) params.delete(key);
  else params.set(key, raw);
  params.delete("page");
  return parseCatalogSearch(params);
}

export function filterValue(search: CatalogSearch, key: CatalogFilterKey): string | undefined {
  const value = search[key];
  return value === undefined ? undefined : String(value);
}

export function activeFilterCount(search: CatalogSearch): number {
  return [search.category, search.level, search.language, search.minRating].filter(
    (v) => v !== undefined,
  ).length;
}

/** Keeps the text and the sort, drops every filter. */
export function withoutFilters(search: CatalogSearch): CatalogSearch {
  return withChange(search, {
    category: undefined,
    level: undefined,
    language: undefined,
    minRating: undefined,
  });
}

/** The procedure input for a URL state. */
export function toListInput(search: CatalogSearch) {
  return {
    ...(search.query ? { query: search.query } : {}),
    ...(search.category ? { category: search.category } : {}),
    ...(search.level ? { level: search.level } : {}),
    ...(search.language ? { language: search.language } : {}),
    ...(search.minRating ? { minRating: search.minRating } : {}),
    sort: search.sort,
    page: search.page,
    pageSize: PAGE_SIZE,
  };
}
