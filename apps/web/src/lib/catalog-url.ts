/**
 * The catalog's filters live in the URL (shareable, back button works). Parsing is lenient:
 * a hand-edited or stale link falls back to defaults instead of failing the page.
 */
export const LEVELS = ["beginner", "intermediate", "advanced"] as const;
export const SORTS = ["newest", "rating", "enrollments"] as const;
export type Level = (typeof LEVELS)[number];
export type Sort = (typeof SORTS)[number];

export interface CatalogFilters {
  category: string | undefined;
  level: Level | undefined;
  language: string | undefined;
  sort: Sort;
  page: number;
}

export const DEFAULT_SORT: Sort = "newest";
export const PAGE_SIZE = 12;
const MAX_PAGE = 10_000;

function oneOf<T extends string>(values: readonly T[], raw: string | null): T | undefined {
  return values.find((v) => v === raw);
}

export const toLevel = (raw: string | null): Level | undefined => oneOf(LEVELS, raw);
export const toSort = (raw: string | null): Sort => oneOf(SORTS, raw) ?? DEFAULT_SORT;

function text(raw: string | null, max: number, pattern?: RegExp): string | undefined {
  const value = raw?.trim();
  if (!value || value.length > max) return undefined;
  return pattern && !pattern.test(value) ? undefined : value;
}

export function parseCatalogSearch(params: URLSearchParams): CatalogFilters {
  const page = Number(params.get("page"));
  return {
    category: text(params.get("category"), 80),
    level: toLevel(params.get("level")),
    language: text(params.get("language"), 3, /^[a-z]{2,3}$/),
    sort: toSort(params.get("sort")),
    page: Number.isInteger(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1,
  };
}

/** Writes only what differs from the defaults, in a stable order, so URLs stay short. */
export function serializeCatalogSearch(filters: CatalogFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.category) params.set("category", filters.category);
  if (filters.level) params.set("level", filters.level);
  if (filters.language) params.set("language", filters.language);
  if (filters.sort !== DEFAULT_SORT) params.set("sort", filters.sort);
  if (filters.page > 1) params.set("page", String(filters.page));
  return params;
}

/** Changing any filter or the sort starts again from page 1; paging keeps the filters. */
export function withFilter(
  filters: CatalogFilters,
  change: Partial<Omit<CatalogFilters, "page">>,
): CatalogFilters {
  return { ...filters, ...change, page: 1 };
}

export function hasActiveFilters(filters: CatalogFilters): boolean {
  return Boolean(filters.category || filters.level || filters.language);
}

/** The procedure input for a URL state. */
export function toListInput(filters: CatalogFilters) {
  return {
    ...(filters.category ? { category: filters.category } : {}),
    ...(filters.level ? { level: filters.level } : {}),
    ...(filters.language ? { language: filters.language } : {}),
    sort: filters.sort,
    page: filters.page,
    pageSize: PAGE_SIZE,
  };
}
