import type { CatalogQuery } from "@lumen/shared";
import type { FacetValue, SearchFacets } from "./types";

export const FACET_FIELDS = ["category", "level", "language"] as const;
export type FacetField = (typeof FACET_FIELDS)[number];

/** Most common first, then alphabetical, so equal counts have a stable order. */
export function sortFacetValues(values: FacetValue[]): FacetValue[] {
  return [...values].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/**
 * Facets as the UI shows them: sorted, and always listing a value the user has selected
 * (with 0 when nothing matches), so an active filter never disappears from its facet.
 */
export function finishFacets(
  facets: Record<FacetField, FacetValue[]>,
  query: Pick<CatalogQuery, FacetField>,
): SearchFacets {
  const finish = (field: FacetField) => {
    const values = facets[field].filter((v) => v.count > 0);
    const selected = query[field];
    if (selected && !values.some((v) => v.value === selected)) {
      values.push({ value: selected, count: 0 });
    }
    return sortFacetValues(values);
  };
  return { category: finish("category"), level: finish("level"), language: finish("language") };
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
