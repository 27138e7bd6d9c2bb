import { type SQL, sql } from "drizzle-orm";

/** Title matches outweigh subtitle/tag matches, which outweigh description matches. */
const RANK_WEIGHTS = "{0.02, 0.1, 0.3, 1.0}"; // D, C, B, A

/** SQL: the relevance of `document` to `tsquery` (a real; equal inputs give equal ranks). */
export function rankSql(document: SQL, tsquery: SQL): SQL {
  return sql`ts_rank(${RANK_WEIGHTS}, ${document}, ${tsquery})`;
}

/**
 * SQL: the rating bucket of a `real` rating, the largest k with rating >= (k/10)::real, the
 * same real comparison the minimum-rating filter makes, so counting buckets >= k is exact.
 */
export function ratingTenthsSql(rating: SQL): SQL {
  const f = sql`floor(${rating}::float8 * 10)::int`;
  return sql`(case when ${rating} >= ((${f} + 1) / 10.0)::real then ${f} + 1 else ${f} end)`;
}

/** Whether `minRating` falls on the 0.1 grid that rating buckets count exactly. */
export function onTenthsGrid(minRating: number | undefined): boolean {
  return minRating === undefined || Math.round(minRating * 10) / 10 === minRating;
}
