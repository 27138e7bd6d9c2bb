import type { Database } from "@lumen/db";
import type { CatalogQuery } from "@lumen/shared";
import { type SQL, sql } from "drizzle-orm";
import { type CourseCardRow, toCourseCard } from "../card";
import { FACET_FIELDS } from "../facets";
import { ANGLE_CLOSE, ANGLE_OPEN, highlightsOf, MARK_END, MARK_START } from "../highlight";
import type { SearchHit } from "../types";
import { broadCells, broadCellsSql, broadPageSql, keptCells } from "./broad";
import { type Cell, cellsSql, facetsFromCells, loadCells, passesFilter } from "./facets";
import { rankSql } from "./rank";
import type { PreparedQuery } from "./text-query";

const WHOLE_FIELD = `HighlightAll=true, StartSel=${MARK_START}, StopSel=${MARK_END}`;
const SNIPPET = `MaxFragments=2, MinWords=8, MaxWords=18, FragmentDelimiter=" … ", StartSel=${MARK_START}, StopSel=${MARK_END}`;

/**
 * ORDER BY over rows `m`; ties end on the course id, as in the listing's indexes. `rank` is
 * the ranking query's own output there, and a column of `m` (the page) afterwards.
 */
function orderBy(sort: CatalogQuery["sort"], rank: SQL = sql`m.rank`): SQL {
  switch (sort) {
    case "relevance":
      return sql`${rank} desc, m.enrollment_count desc, m.course_id`;
    case "rating":
      return sql`m.rating_score desc, m.course_id`;
    case "enrollments":
      return sql`m.enrollment_count desc, m.course_id`;
    case "newest":
      return sql`m.published_at desc nulls last, m.course_id`;
  }
}

type HitRow = CourseCardRow & {
  ord?: number;
  titleMarked: string | null;
  subtitleMarked: string | null;
  descriptionMarked: string | null;
};

/**
 * A page of text matches and the facet cells: two statements over the same GIN match, run
 * concurrently on two pooled connections, because on large match sets each costs about as
 * much as the other (heap visits + ranking vs. heap visits + grouping) and the machine has
 * more than one core; one combined statement measured ~40% slower. The price: the page and
 * the counts may come from snapshots a few microseconds apart.
 *
 * A kept query (in `kept`, the tsqueries the indexer keeps precomputed; see broad.ts) reads its exact
 * cells and, sorted by relevance, walks its kept results instead; either falls back to the
 * live statement when the precomputed data cannot answer (the query stopped being broad,
 * an off-grid minimum rating, a page past the kept results). Other sorts walk
 * course_search's sort indexes, which the planner picks when the match set is large.
 */
export async function textSearch(
  db: Database,
  prepared: PreparedQuery,
  input: CatalogQuery,
  {
    kept,
    splitFrom,
    oneThread,
  }: {
    /** The kept (precomputed) tsqueries and how many courses each matches. */
    kept: ReadonlyMap<string, number>;
    splitFrom: number;
    oneThread: boolean;
  },
): Promise<{ items: SearchHit[]; cells: Cell[] }> {
  const minRating =
    input.minRating !== undefined ? sql`and m.rating_average >= ${input.minRating}` : sql``;
  const broad = (clause: string) => (kept.get(clause) ?? 0) >= splitFrom;
  const matched = sql`from course_search m where ${matchSql(prepared, broad)} ${minRating}`;
  const rank = rankSql(sql`m.document`, sql`${prepared.tsquery}::tsquery`);
  const livePage = () => textPage(db, prepared.headline, input, pageSql(matched, rank, input));
  if (!kept.has(prepared.tsquery)) {
    if (oneThread) return oneStatement(db, prepared, input, matched);
    const [items, cells] = await Promise.all([livePage(), loadCells(db, matched)]);
    return { items, cells };
  }
  const keptPage = input.sort === "relevance";
  const page = keptPage ? broadPageSql(prepared.tsquery, input) : pageSql(matched, rank, input);
  const [precomputed, items] = oneThread
    ? await pageWithKeptCells(db, prepared, input, page)
    : await Promise.all([
        broadCells(db, prepared.tsquery, input.minRating),
        textPage(db, prepared.headline, input, page),
      ]);
  const cells = precomputed ?? (await loadCells(db, matched));
  if (!keptPage) return { items, cells };
  // The kept results hold the page only if it is as long as the exact total allows.
  const { total } = facetsFromCells(cells, input);
  const expected = Math.min(input.pageSize, Math.max(0, total - (input.page - 1) * input.pageSize));
  return { items: items.length === expected ? items : await livePage(), cells };
}

/**
 * A kept query's page (`page`: a CTE body with course_id and the sort's columns) and its
 * precomputed cells in one statement, for a database that runs one statement at a time:
 * two would cost two round trips and plannings (~1 ms of the ~5 ms such a search takes on
 * PGlite). The cells are null as in broadCells.
 */
async function pageWithKeptCells(
  db: Database,
  prepared: PreparedQuery,
  input: CatalogQuery,
  page: SQL,
): Promise<[Cell[] | null, SearchHit[]]> {
  const cells = broadCellsSql(prepared.tsquery, input.minRating);
  const result = await db.execute<{
    items: HitRow[] | null;
    cells: (Omit<Cell, "category"> & { category: string | null })[] | null;
  }>(sql`
    with page as (${page}), cards as (${cardsSql(prepared.headline, input)})
    select (select json_agg(c order by c.ord) from cards c) as items,
      ${cells ? sql`(select json_agg(x) from (${cells}) x)` : sql`null`} as cells`);
  const row = result.rows[0];
  const items = (row?.items ?? []).map(({ ord: _, ...card }) => toHit(card));
  return [cells ? keptCells(row?.cells ?? []) : null, items];
}

/**
 * SQL: whether row `m` matches. When some of the query's clauses are broad and others are
 * not, only the others go to the GIN index: expanding a broad prefix ('learn':* stands for
 * every word starting with it, ~52k postings at 100k courses) costs ~9 ms per statement,
 * while checking it on the few rows the rare clauses leave costs almost nothing. The full
 * tsquery is checked on each of them, `is true` keeping the planner from indexing it. A
 * clause of a few thousand matches stays in the index: there the recheck costs more.
 */
function matchSql({ tsquery, clauses }: PreparedQuery, broad: (clause: string) => boolean): SQL {
  const rare = clauses.filter((clause) => !broad(clause));
  if (rare.length === 0 || rare.length === clauses.length) {
    return sql`m.document @@ ${tsquery}::tsquery`;
  }
  return sql`m.document @@ ${rare.join(" & ")}::tsquery and (m.document @@ ${tsquery}::tsquery) is true`;
}

/** A page CTE: the rows `source` (FROM … WHERE …) selects, filtered, sorted, one page. */
function pageSql(source: SQL, rank: SQL, input: CatalogQuery): SQL {
  const passes = sql.join(
    FACET_FIELDS.map((f) => passesFilter(input, f)),
    sql` and `,
  );
  return sql`
    select m.course_id, m.enrollment_count, m.rating_score, m.published_at, ${rank} as rank
    ${source} and ${passes}
    order by ${orderBy(input.sort, sql`rank`)}
    limit ${input.pageSize} offset ${(input.page - 1) * input.pageSize}`;
}

/**
 * Page and cells in one statement, for a database that runs one statement at a time
 * (PGlite, in-process or behind the dev socket): the two statements would run one after
 * the other and visit the same matches twice; here the matches are read once (materialized,
 * ranked only for a relevance sort) and both answers are built from them.
 */
async function oneStatement(
  db: Database,
  prepared: PreparedQuery,
  input: CatalogQuery,
  matched: SQL,
): Promise<{ items: SearchHit[]; cells: Cell[] }> {
  const rank =
    input.sort === "relevance"
      ? rankSql(sql`m.document`, sql`${prepared.tsquery}::tsquery`)
      : sql`0::real`;
  const result = await db.execute<{
    items: (HitRow & { ord: number })[] | null;
    cells: Cell[] | null;
  }>(sql`
    with matched as materialized (
      select m.course_id, m.category, m.level, m.language, m.rating_average, m.rating_score,
        m.enrollment_count, m.published_at, ${rank} as rank
      ${matched}),
    page as (${pageSql(sql`from matched m where true`, sql`m.rank`, input)}),
    cards as (${cardsSql(prepared.headline, input)})
    select (select json_agg(c order by c.ord) from cards c) as items,
      (select json_agg(x) from (${cellsSql(sql`from matched m`)}) x) as cells`);
  const row = result.rows[0];
  const items = (row?.items ?? []).map(({ ord: _, ...card }) => card);
  return { items: items.map(toHit), cells: row?.cells ?? [] };
}

/**
 * SQL: the cards of CTE `page` (course_id and the sort's columns), in the sort's order
 * (`ord`): each joins `courses` for live card data (an unpublished course whose removal job
 * has not run yet is dropped here) and is highlighted, so ts_headline runs on at most a
 * page. Text is highlighted with 'simple' (stemming every word costs more than the ranking)
 * against the query's stems as prefixes.
 */
function cardsSql(headline: string, input: CatalogQuery): SQL {
  const h = sql`${headline}::tsquery`;
  // Angle brackets become stand-ins (see ANGLE_OPEN); any marker already in the text goes.
  const markers = `<>${MARK_START}${MARK_END}${ANGLE_OPEN}${ANGLE_CLOSE}`;
  const clean = (column: SQL) => sql`translate(${column}, ${markers}, ${ANGLE_OPEN + ANGLE_CLOSE})`;
  return sql`
    select c.id, c.slug, c.title, c.subtitle, c.category, c.level, c.language, c.tags,
      c.cover_image_key as "coverImageKey", c.rating_average as "ratingAverage",
      c.rating_count as "ratingCount", c.enrollment_count as "enrollmentCount",
      c.published_at as "publishedAt", u.name as "instructorName",
      ts_headline('simple', ${clean(sql`c.title`)}, ${h}, ${WHOLE_FIELD}) as "titleMarked",
      ts_headline('simple', ${clean(sql`c.subtitle`)}, ${h}, ${WHOLE_FIELD}) as "subtitleMarked",
      ts_headline('simple', ${clean(sql`c.description`)}, ${h}, ${SNIPPET}) as "descriptionMarked",
      row_number() over (order by ${orderBy(input.sort)}) as ord
    from page m join courses c on c.id = m.course_id and c.status = 'published'
      join users u on u.id = c.instructor_id`;
}

/** The cards of a page (`page`: a CTE body with course_id and the sort's columns). */
async function textPage(
  db: Database,
  headline: string,
  input: CatalogQuery,
  page: SQL,
): Promise<SearchHit[]> {
  const result = await db.execute<HitRow>(sql`
    with page as (${page}), cards as (${cardsSql(headline, input)})
    select * from cards order by ord`);
  return result.rows.map(({ ord: _, ...card }) => toHit(card));
}

function toHit({ titleMarked, subtitleMarked, descriptionMarked, ...card }: HitRow): SearchHit {
  return {
    ...toCourseCard(normalizeRow(card)),
    highlights: highlightsOf({
      title: titleMarked,
      subtitle: subtitleMarked,
      description: descriptionMarked,
    }),
  };
}

/** Raw rows carry driver-specific types (timestamps may come back as strings). */
function normalizeRow(row: CourseCardRow): CourseCardRow {
  return {
    ...row,
    ratingAverage: Number(row.ratingAverage),
    publishedAt: row.publishedAt ? new Date(row.publishedAt) : null,
  };
}
