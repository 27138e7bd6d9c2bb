import type { Database } from "@lumen/db";
import type { CatalogQuery } from "@lumen/shared";
import { sql } from "drizzle-orm";
import type { FacetField } from "../facets";
import { cachedValue } from "./cached";
import type { Cell } from "./facets";
import { filterRatingSql, onTenthsGrid, ratingTenthsSql } from "./rank";

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
export function createCatalogSummary(db: Database, ttlMs: number, minCount: number) {
  const all = cachedValue(
    () =>
      db
        .execute<RatedCell>(sql`
          select category, level::text as level, language,
            ${ratingTenthsSql(filterRatingSql(minCount))} as tenths, count(*)::int as n
          from courses where status = 'published' group by 1, 2, 3, 4`)
        .then((r) => r.rows),
    ttlMs,
  );

  return {
    invalidate: all.invalidate,
    /** Whether the cells can answer `filters`: no minimum rating, or one in tenths. */
    covers(filters: Filters): boolean {
      return onTenthsGrid(filters.minRating);
    },
    /** The cells of the published courses rated at least `filters.minRating`, if any. */
    async cells(filters: Filters): Promise<Cell[]> {
      const cells = await all.get();
      if (filters.minRating === undefined) return cells;
      const minTenths = Math.round(filters.minRating * 10);
      return cells.filter((cell) => cell.tenths >= minTenths);
    },
  };
}

export type CatalogSummary = ReturnType<typeof createCatalogSummary>;
