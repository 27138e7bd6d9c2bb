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

/**
 * SQL: the rating the minimum-rating filter reads for a `courses` row (columns qualified by
 * `table`, e.g. "c", or bare): its average when it has at least `minCount` ratings, else 0,
 * so a course with a handful of ratings never passes "4.5 and up" (ADR 0032). course_search
 * stores this value in its rating_average column.
 */
export function filterRatingSql(minCount: number, table?: string): SQL {
  const col = (name: string) => sql.raw(table ? `${table}.${name}` : name);
  return sql`(case when ${col("rating_count")} >= ${sql.raw(String(Math.max(0, Math.trunc(minCount))))}
    then ${col("rating_average")} else 0 end)`;
}

/** Whether `minRating` falls on the 0.1 grid that rating buckets count exactly. */
export function onTenthsGrid(minRating: number | undefined): boolean {
  return minRating === undefined || Math.round(minRating * 10) / 10 === minRating;
}
