import type { Database } from "@lumen/db";
import type { CatalogQuery } from "@lumen/shared";
import { type SQL, sql } from "drizzle-orm";
import { FACET_FIELDS } from "../facets";
import { type Cell, passesFilter } from "./facets";
import { onTenthsGrid, rankSql, ratingTenthsSql } from "./rank";

/**
 * Broad queries: the catalog's frequent words match so many courses (half of them, for
 * "learn" or "course") that ranking and counting every match per search costs ~200 ms. For
 * each such tsquery the indexer keeps, in step with course_search:
 *   - search_broad_cells: exact counts per (category, level, language, rating tenth), from
 *     which every facet and total of the query follows, for any filters, plus their sums
 *     over all tenths (tenths = ANY_RATING), the few rows a search without a minimum rating
 *     reads (≤ 288, where the tenths may be 7,000 for a word like "learn");
 *   - search_broad_hits: its first `listLength` results by relevance with the columns the
 *     filters read, as a "floor": exactly the matches that sort at or before the last one
 *     kept at build time, so adding, removing or re-ranking one course keeps it exact.
 * A search walks the hits for a relevance page and falls back to the live path whenever
 * the page reaches past the floor or the query is not (or no longer) broad.
 */
export interface BroadOptions {
  /** A word of the index is kept as a broad query from this many matching courses. */
  minMatches: number;
  /** Results kept per broad query at build time. */
  listLength: number;
  /** At most this many words of the index are kept, the most frequent first. */
  maxQueries: number;
  /**
   * A query someone searched is kept from this many matches: ranking ~1,000 matches costs
   * ~10 ms on PGlite, so multi-word queries that are not broad by this definition still
   * are worth keeping once searched. From ~250 matches a kept query's one statement is
   * faster than the live one on PGlite (4.7–5.9 vs 5.7–7.3 ms at 250–500 matches).
   */
  minSearchedMatches: number;
  /** At most this many searched queries are kept, on top of the words. */
  maxSearched: number;
  /**
   * A kept query's clause that matches at least this many courses is left out of the GIN
   * lookup of a longer query (see matchSql in text-search.ts): expanding a prefix with
   * ~50k postings costs more than checking it on the rows the other clauses leave.
   */
  splitFrom: number;
}

export const DEFAULT_BROAD: BroadOptions = {
  minMatches: 2_000,
  listLength: 1_000,
  maxQueries: 500,
  minSearchedMatches: 250,
  maxSearched: 500,
  splitFrom: 10_000,
};

type Executor = Pick<Database, "execute">;

/** The tenths of a search_broad_cells row that counts every rating (see search.ts). */
export const ANY_RATING = -1;

/** The rows `m` of course_search that match the broad query `q` (a search_broad_queries row). */
const matchesQuery = sql`m.document @@ q.tsquery::tsquery`;
const ORDER = sql`rank desc, enrollment_count desc, course_id`;

/**
 * Builds one broad query's counts and results from course_search, replacing any previous
 * build; a query matching fewer than `minMatches` courses is not kept. Run under
 * INDEX_WRITE_LOCK so no course changes between the read and the write.
 */
export async function buildBroadQuery(
  db: Executor,
  tsquery: string,
  { minMatches, listLength }: Pick<BroadOptions, "minMatches" | "listLength">,
): Promise<number> {
  await db.execute(sql`delete from search_broad_queries where tsquery = ${tsquery}`);
  const result = await db.execute<{ matches: number }>(sql`
    with matched as materialized (
      select m.course_id, m.category, m.level, m.language, m.rating_average, m.enrollment_count,
        ${rankSql(sql`m.document`, sql`${tsquery}::tsquery`)} as rank,
        ${ratingTenthsSql(sql`m.rating_average`)} as tenths
      from course_search m where m.document @@ ${tsquery}::tsquery),
    total as (select count(*)::int as n from matched),
    top as materialized (select * from matched order by ${ORDER} limit ${listLength}),
    floor as (select * from top order by rank, enrollment_count, course_id desc limit 1),
    query as (
      insert into search_broad_queries (tsquery, matches, floor_rank, floor_enrollments, floor_course_id)
      select ${tsquery}, total.n, f.rank, f.enrollment_count, f.course_id
      from total left join floor f on total.n > ${listLength}
      where total.n >= ${minMatches}
      returning id),
    cells as (
      insert into search_broad_cells (query_id, category, level, language, tenths, n)
      select query.id, category, level, language, coalesce(tenths, ${ANY_RATING}), count(*)::int
      from matched, query
      group by grouping sets ((query.id, category, level, language, tenths),
        (query.id, category, level, language))),
    hits as (
      insert into search_broad_hits (query_id, course_id, rank, enrollment_count, category,
        level, language, rating_average)
      select query.id, course_id, rank, enrollment_count, category, level, language, rating_average
      from top, query)
    select n as matches from total`);
  return result.rows[0]?.matches ?? 0;
}

/**
 * Takes course `courseId`'s current course_search entry out of every broad query it
 * matches; call before changing or removing the entry, then addToBroadQueries after.
 */
export async function removeFromBroadQueries(db: Executor, courseId: string): Promise<void> {
  await db.execute(sql`
    with old as (
      select q.id, m.category, m.level, m.language,
        ${ratingTenthsSql(sql`m.rating_average`)} as tenths
      from course_search m join search_broad_queries q on ${matchesQuery}
      where m.course_id = ${courseId}),
    counted as (
      update search_broad_queries q set matches = q.matches - 1 from old where q.id = old.id),
    cells as (
      update search_broad_cells c set n = c.n - 1 from old
      where c.query_id = old.id and c.category = old.category and c.level = old.level
        and c.language = old.language and c.tenths in (old.tenths, ${ANY_RATING}))
    delete from search_broad_hits where course_id = ${courseId}`);
}

/** Counts course `courseId`'s course_search entry (if any) into the broad queries it matches. */
export async function addToBroadQueries(db: Executor, courseId: string): Promise<void> {
  await db.execute(sql`
    with new as (
      select q.id, q.floor_rank, q.floor_enrollments, q.floor_course_id, m.course_id,
        m.category, m.level, m.language, m.rating_average, m.enrollment_count,
        ${ratingTenthsSql(sql`m.rating_average`)} as tenths,
        ${rankSql(sql`m.document`, sql`q.tsquery::tsquery`)} as rank
      from course_search m join search_broad_queries q on ${matchesQuery}
      where m.course_id = ${courseId}),
    counted as (
      update search_broad_queries q set matches = q.matches + 1 from new where q.id = new.id),
    cells as (
      insert into search_broad_cells (query_id, category, level, language, tenths, n)
      select id, category, level, language, t.tenths, 1
      from new cross join lateral (values (new.tenths), (${ANY_RATING})) t(tenths)
      on conflict (query_id, category, level, language, tenths)
        do update set n = search_broad_cells.n + 1)
    insert into search_broad_hits (query_id, course_id, rank, enrollment_count, category, level,
      language, rating_average)
    select id, course_id, rank, enrollment_count, category, level, language, rating_average
    from new
    -- Only results that sort at or before the floor belong to the kept list.
    where floor_rank is null or rank > floor_rank or (rank = floor_rank and (
      enrollment_count > floor_enrollments or (enrollment_count = floor_enrollments
        and course_id <= floor_course_id)))`);
}

/**
 * Builds the broad queries (after they were all dropped): the words of the index that at least `minMatches` courses
 * contain, most frequent first, each prepared as a search would prepare it (`prepare`).
 * `withLock` runs one build under INDEX_WRITE_LOCK, so searches keep the other queries.
 */
export async function rebuildBroadQueries(
  db: Database,
  options: BroadOptions,
  prepare: (word: string) => Promise<string | null>,
  withLock: (build: (tx: Executor) => Promise<void>) => Promise<void>,
): Promise<number> {
  // ts_stat reads each lexeme's document count from the stored vectors (both the words as
  // written and their stems), in one pass.
  const frequent = await db.execute<{ word: string }>(sql`
    select word from ts_stat('select document from course_search')
    where ndoc >= ${options.minMatches} order by ndoc desc, word
    limit ${options.maxQueries * 2}`);
  const queries = new Set<string>();
  for (const { word } of frequent.rows) {
    if (queries.size >= options.maxQueries) break;
    const tsquery = await prepare(word);
    if (tsquery) queries.add(tsquery);
  }
  // Two builders: each build is one CPU-bound statement, and the machine has more cores.
  const pending = [...queries];
  const builder = async () => {
    for (let tsquery = pending.shift(); tsquery; tsquery = pending.shift()) {
      const query = tsquery;
      await withLock((tx) => buildBroadQuery(tx, query, options).then(() => {}));
    }
  };
  await Promise.all([builder(), builder()]);
  return queries.size;
}

/**
 * SQL: the exact cells of a broad query for a search with `minRating` (rows to read with
 * keptCells), or null when the minimum rating is finer than the rating tenths.
 */
export function broadCellsSql(tsquery: string, minRating: number | undefined): SQL | null {
  if (!onTenthsGrid(minRating)) return null;
  const tenths =
    minRating === undefined
      ? sql`and c.tenths = ${ANY_RATING}`
      : sql`and c.tenths >= ${Math.round(minRating * 10)}`;
  return sql`
    select c.category, c.level::text as level, c.language, coalesce(sum(c.n), 0)::int as n
    from search_broad_queries q
      left join search_broad_cells c on c.query_id = q.id and c.n > 0 ${tenths}
    where q.tsquery = ${tsquery}
    group by c.category, c.level, c.language`;
}

/** The cells in broadCellsSql's rows, or null when there are none: the query is not kept. */
export function keptCells(rows: (Omit<Cell, "category"> & { category: string | null })[]) {
  if (rows.length === 0) return null;
  return rows.filter((row): row is Cell => row.category !== null);
}

/**
 * The exact cells of a broad query for a search with `minRating`, or null when `tsquery` is
 * not a broad query (any more) or the minimum rating is finer than the rating tenths.
 */
export async function broadCells(
  db: Database,
  tsquery: string,
  minRating: number | undefined,
): Promise<Cell[] | null> {
  const cells = broadCellsSql(tsquery, minRating);
  if (!cells) return null;
  return keptCells((await db.execute<Cell & { category: string | null }>(cells)).rows);
}

/**
 * The page CTE of a relevance search over a broad query's kept results: course ids with
 * their rank and enrollments, filtered, in relevance order. Exact only while the page ends
 * before the floor; the caller checks the row count against the exact total. The query id
 * is a scalar subquery so the planner walks search_broad_hits_order_idx in the page's order
 * and stops after the page; joined, it read and sorted all of the query's kept results.
 */
export function broadPageSql(tsquery: string, input: CatalogQuery): SQL {
  const filters = FACET_FIELDS.map((f) => passesFilter(input, f));
  if (input.minRating !== undefined) filters.push(sql`m.rating_average >= ${input.minRating}`);
  return sql`
    select m.course_id, m.rank, m.enrollment_count
    from search_broad_hits m
    where m.query_id = (select q.id from search_broad_queries q where q.tsquery = ${tsquery})
      and ${sql.join(filters, sql` and `)}
    order by m.rank desc, m.enrollment_count desc, m.course_id
    limit ${input.pageSize} offset ${(input.page - 1) * input.pageSize}`;
}
