import type { Database } from "@lumen/db";
import type { CatalogQuery } from "@lumen/shared";
import { pageCount } from "../facets";
import { isEmptyQuery } from "../query/format";
import { parseQuery } from "../query/parse";
import type { SearchBackend, SearchHit, SearchResult } from "../types";
import { type Cell, facetsFromCells, loadCells } from "./facets";
import { indexCourse, reindexAll } from "./indexer";
import { listingSource, listPage } from "./list-page";
import { createCatalogSummary } from "./summary";
import { prepareQuery } from "./text-query";
import { textSearch } from "./text-search";
import { stemmingConfigsFor } from "./tsquery";

export interface PostgresSearchOptions {
  db: Database;
  /** How long listing counts without query text may be reused (see createCatalogSummary). */
  summaryTtlMs?: number;
}

/**
 * Postgres full-text search: the embedded default and the fallback. A text search prepares
 * its tsquery (one round trip, more only to correct a typo), then reads the page and the
 * facet cells concurrently; a listing reads its page live and its counts from the cached
 * catalog summary. See docs/adr/0005-catalog-search.md for the measurements behind this.
 */
export function createPostgresSearch({
  db,
  summaryTtlMs = 30_000,
}: PostgresSearchOptions): SearchBackend {
  const summary = createCatalogSummary(db, summaryTtlMs);

  async function search(input: CatalogQuery): Promise<SearchResult> {
    const parsed = parseQuery(input.query ?? "");
    let items: Promise<SearchHit[]>;
    let cells: Promise<Cell[]>;
    let correctedQuery: string | undefined;
    if (isEmptyQuery(parsed)) {
      items = listPage(db, input);
      // Counts come from the cached summary unless the minimum rating is finer than it.
      cells =
        input.minRating !== undefined && !summary.covers(input)
          ? loadCells(db, listingSource(input.minRating))
          : summary.cells(input);
    } else {
      const prepared = await prepareQuery(db, parsed, stemmingConfigsFor(input.language));
      correctedQuery = prepared.correctedQuery;
      const found = textSearch(db, prepared, input);
      items = found.then((f) => f.items);
      cells = found.then((f) => f.cells);
    }
    const [hits, matched] = await Promise.all([items, cells]);
    const { facets, total } = facetsFromCells(matched, input);
    return {
      items: hits,
      total,
      page: input.page,
      pageSize: input.pageSize,
      pageCount: pageCount(total, input.pageSize),
      facets,
      ...(correctedQuery ? { correctedQuery } : {}),
      backend: "postgres",
    };
  }

  return {
    name: "postgres",
    search,
    async indexCourse(courseId) {
      await indexCourse(db, courseId);
      summary.invalidate();
    },
    async reindexAll(onProgress) {
      const result = await reindexAll(db, onProgress);
      summary.invalidate();
      return result;
    },
  };
}
