import type { Database } from "@lumen/db";
import type { CatalogQuery } from "@lumen/shared";
import { sql } from "drizzle-orm";
import type { FacetField } from "../facets";
import type { Cell } from "./facets";

/** Published courses with this category, level, language and rating bucket (tenths). */
type RatedCell = Cell & { tenths: number };
type Filters = Pick<CatalogQuery, FacetField | "minRating">;

/**
 * Counts of published courses per (category, level, language, rating in tenths): a few
 * thousand cells at most, from which the facets and total of any listing without query text
 * follow exactly, in memory, for a minimum rating in steps of 0.1 (what the UI offers).
 * Counting 100k rows per listing would cost more than the rest of the request.
 *
 * The cells are reloaded in the background once older than `ttlMs` (requests keep using the
 * old ones meanwhile), and dropped whenever this process indexes a course: a change made by
 * another process shows in these counts within `ttlMs`. Items are always read live.
 */
export function createCatalogSummary(db: Database, ttlMs: number) {
  let cached: { at: number; cells: Promise<RatedCell[]> } | null = null;
  let refreshing = false;

  // `tenths` is the largest k with rating_average >= (k/10)::real, the same real comparison
  // the minimum-rating filter makes, so counting cells with tenths >= k is exact.
  const loadCells = () =>
    db
      .execute<RatedCell>(sql`
        select category, level::text as level, language, tenths, count(*)::int as n
        from courses, lateral (select floor(rating_average::float8 * 10)::int as f) b,
          lateral (select case when rating_average >= ((b.f + 1) / 10.0)::real
            then b.f + 1 else b.f end as tenths) t
        where status = 'published' group by 1, 2, 3, 4`)
      .then((r) => r.rows);

  function cells(): Promise<RatedCell[]> {
    const current = cached;
    if (!current) {
      const entry = { at: performance.now(), cells: loadCells() };
      cached = entry;
      // A failed load is never served: the next request tries again.
      entry.cells.catch(() => {
        if (cached === entry) cached = null;
      });
      return entry.cells;
    }
    if (performance.now() - current.at >= ttlMs && !refreshing) {
      // Serve the cells we have while fresh ones load in the background.
      refreshing = true;
      loadCells()
        .then((fresh) => {
          if (cached === current) cached = { at: performance.now(), cells: Promise.resolve(fresh) };
        })
        .catch(() => {})
        .finally(() => {
          refreshing = false;
        });
    }
    return current.cells;
  }

  return {
    invalidate() {
      cached = null;
    },
    /** Whether the cells can answer `filters`: no minimum rating, or one in tenths. */
    covers(filters: Filters): boolean {
      const r = filters.minRating;
      return r === undefined || Math.round(r * 10) / 10 === r;
    },
    /** The cells of the published courses rated at least `filters.minRating`, if any. */
    async cells(filters: Filters): Promise<Cell[]> {
      const all = await cells();
      if (filters.minRating === undefined) return all;
      const minTenths = Math.round(filters.minRating * 10);
      return all.filter((cell) => cell.tenths >= minTenths);
    },
  };
}

export type CatalogSummary = ReturnType<typeof createCatalogSummary>;
