import type { Database } from "@lumen/db";
import type { CatalogQuery } from "@lumen/shared";
import { type SQL, sql } from "drizzle-orm";
import { FACET_FIELDS, type FacetField, finishFacets } from "../facets";
import type { FacetValue, SearchFacets } from "../types";

type Filters = Pick<CatalogQuery, FacetField>;

/**
 * How many matched courses share one (category, level, language): at most 12 × 3 × 8 cells
 * whatever the number of matches, and everything facets need. Grouping the matched rows by
 * all three fields is one cheap hash aggregate; the facet semantics are applied here.
 */
export type Cell = { category: string; level: string; language: string; n: number };

/** SQL: whether row `m` passes the filter on `field` (true when there is none). */
export function passesFilter(filters: Filters, field: FacetField): SQL {
  const value = filters[field];
  return value ? sql`(m.${sql.identifier(field)}::text = ${value})` : sql`true`;
}

/** SQL: the cells of the rows `m` that `source` (FROM … WHERE …) selects. */
export function cellsSql(source: SQL): SQL {
  return sql`select m.category, m.level::text as level, m.language, count(*)::int as n
    ${source} group by 1, 2, 3`;
}

export async function loadCells(db: Database, source: SQL): Promise<Cell[]> {
  return (await db.execute<Cell>(cellsSql(source))).rows;
}

/**
 * Facets with the usual faceted-search semantics: each field's counts apply every filter
 * except its own, so the other values stay selectable. The total applies all of them.
 */
export function facetsFromCells(
  cells: Iterable<Cell>,
  filters: Filters,
): { facets: SearchFacets; total: number } {
  const counts = new Map<string, FacetValue>();
  const byField: Record<FacetField, FacetValue[]> = { category: [], level: [], language: [] };
  let total = 0;
  for (const cell of cells) {
    const passes = FACET_FIELDS.map((f) => !filters[f] || filters[f] === cell[f]);
    if (passes.every(Boolean)) total += cell.n;
    FACET_FIELDS.forEach((field, i) => {
      if (!passes.every((ok, j) => ok || j === i)) return;
      const key = `${field}\u0000${cell[field]}`;
      let value = counts.get(key);
      if (!value) {
        value = { value: cell[field], count: 0 };
        counts.set(key, value);
        byField[field].push(value);
      }
      value.count += cell.n;
    });
  }
  return { facets: finishFacets(byField, filters), total };
}
