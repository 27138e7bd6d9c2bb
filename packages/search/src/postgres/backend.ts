import type { Database } from "@lumen/db";
import type { CatalogQuery } from "@lumen/shared";
import { sql } from "drizzle-orm";
import { pageCount } from "../facets";
import { isEmptyQuery } from "../query/format";
import { type ParsedQuery, parseQuery } from "../query/parse";
import type { SearchBackend, SearchResult } from "../types";
import { type BroadOptions, DEFAULT_BROAD } from "./broad";
import { cachedValue } from "./cached";
import { type Cell, facetsFromCells, loadCells } from "./facets";
import { addBroadQuery, indexCourse, reindexAll } from "./indexer";
import { listingSource, listPage } from "./list-page";
import { createCatalogSummary } from "./summary";
import { createQueryCache, prepareQuery } from "./text-query";
import { textSearch } from "./text-search";
import { stemmingConfigsFor } from "./tsquery";

export interface PostgresSearchOptions {
  db: Database;
  /**
   * How long this process reuses what it caches: the listing counts without query text and
   * the set of broad queries (see createCatalogSummary; broad.ts). Default 30 s.
   */
  cacheTtlMs?: number;
  /** When a query counts as broad and how much is kept for it; false: always search live. */
  broad?: Partial<BroadOptions> | false;
  /**
   * Whether the database runs one statement at a time (PGlite), so a text search reads its
   * page and counts in one statement instead of two concurrent ones. Default: asks the
   * database once (`version()` names PGlite).
   */
  oneThread?: boolean;
  /**
   * Ratings a course needs before the minimum-rating filter counts it (fewer: it passes only
   * "any rating"); default 0. Indexing bakes it into course_search, so a change needs a
   * reindex (ADR 0032).
   */
  minRatingCount?: number;
}

/**
 * Postgres full-text search: the embedded default and the fallback. A text search prepares
 * its tsquery (one statement; none for a query this process prepared before without a
 * correction, see QueryCache), then reads the page and the facet cells (concurrently, or in
 * one statement on PGlite); a listing reads its page live and its counts from the cached
 * catalog summary. See docs/adr/0005-catalog-search.md for the measurements behind this.
 */
export function createPostgresSearch({
  db,
  cacheTtlMs = 30_000,
  broad,
  oneThread: singleThreaded,
  minRatingCount = 0,
}: PostgresSearchOptions): SearchBackend {
  const summary = createCatalogSummary(db, cacheTtlMs, minRatingCount);
  const building = new Set<string>();
  const queries = createQueryCache();
  const oneThread = cachedValue(
    async () =>
      singleThreaded ??
      (await db.execute<{ v: string }>(sql`select version() as v`)).rows[0]?.v.includes("PGlite") ??
      false,
    Number.POSITIVE_INFINITY,
  );
  const broadOptions = { ...DEFAULT_BROAD, ...(broad || {}) };
  // Which tsqueries are kept, with their match counts, so a search only asks for
  // precomputed data that exists. A stale entry costs a fallback to the live path, never a
  // wrong answer.
  const broadQueries = cachedValue(
    () =>
      db
        .execute<{ tsquery: string; matches: number }>(
          sql`select tsquery, matches from search_broad_queries`,
        )
        .then((r) => new Map(r.rows.map((row) => [row.tsquery, row.matches]))),
    cacheTtlMs,
  );

  async function search(input: CatalogQuery): Promise<SearchResult> {
    const parsed = parseQuery(input.query ?? "");
    const { items, cells, correctedQuery } = isEmptyQuery(parsed)
      ? await listing(input)
      : await searchText(parsed, input);
    const { facets, total } = facetsFromCells(cells, input);
    return {
      items,
      total,
      page: input.page,
      pageSize: input.pageSize,
      pageCount: pageCount(total, input.pageSize),
      facets,
      ...(correctedQuery ? { correctedQuery } : {}),
      backend: "postgres",
    };
  }

  /** Without query text: the page live, the counts from the cached summary if it covers them. */
  async function listing(input: CatalogQuery) {
    const [items, cells] = await Promise.all([
      listPage(db, input, minRatingCount),
      input.minRating !== undefined && !summary.covers(input)
        ? loadCells(db, listingSource(input.minRating, minRatingCount))
        : summary.cells(input),
    ]);
    return { items, cells, correctedQuery: undefined };
  }

  async function searchText(parsed: ParsedQuery, input: CatalogQuery) {
    const configs = stemmingConfigsFor(input.language);
    let prepared = await prepareQuery(db, parsed, configs, { cache: queries });
    const kept = broad === false ? new Map<string, number>() : await broadQueries.get();
    const options = { kept, splitFrom: broadOptions.splitFrom, oneThread: await oneThread.get() };
    let found = await textSearch(db, prepared, input, options);
    if (prepared.unverified && !found.cells.some((cell) => cell.n > 0)) {
      // Nothing matched, so the words the cache assumed known may not be: check them.
      const checked = await prepareQuery(db, parsed, configs, { cache: queries, verify: true });
      if (checked.tsquery !== prepared.tsquery || checked.correctedQuery) {
        prepared = checked;
        found = await textSearch(db, prepared, input, options);
      }
    }
    if (broad !== false && !kept.has(prepared.tsquery)) {
      keepIfBroad(prepared.tsquery, found.cells, input, kept);
    }
    return { ...found, correctedQuery: prepared.correctedQuery };
  }

  /**
   * A query a live search found matching `minSearchedMatches` or more is built in the
   * background (the search itself is answered live), so the next search for it reads
   * precomputed data; see broad.ts.
   */
  function keepIfBroad(
    tsquery: string,
    cells: Cell[],
    input: CatalogQuery,
    kept: ReadonlyMap<string, number>,
  ) {
    if (input.minRating !== undefined || building.has(tsquery)) return;
    // With the budget spent (as this process last saw it), asking again would only take the
    // index lock and count, on every search of this query.
    if (kept.size >= broadOptions.maxQueries + broadOptions.maxSearched) return;
    const matches = cells.reduce((sum, cell) => sum + cell.n, 0);
    if (matches < broadOptions.minSearchedMatches) return;
    building.add(tsquery);
    addBroadQuery(db, tsquery, broadOptions)
      .then((built) => {
        if (built) broadQueries.invalidate();
      })
      .catch(() => {}) // a race with another builder, or a closing database: stays live
      .finally(() => building.delete(tsquery));
  }

  return {
    name: "postgres",
    search,
    async indexCourse(courseId) {
      await indexCourse(db, courseId, minRatingCount);
      summary.invalidate();
      broadQueries.invalidate();
    },
    async reindexAll(onProgress) {
      const result = await reindexAll(db, broadOptions, minRatingCount, onProgress);
      summary.invalidate();
      broadQueries.invalidate();
      return result;
    },
  };
}
