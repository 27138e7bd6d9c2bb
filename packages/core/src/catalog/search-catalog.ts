import type { SearchBackend, SearchResult } from "@lumen/search";
import type { CatalogQuery } from "@lumen/shared";

/**
 * The catalog search: text, filters, facets, sort and pages, from whichever backend the
 * process was configured with. tRPC's catalog.list and the public REST route both call it.
 */
export function searchCatalog({
  search,
  input,
}: {
  search: SearchBackend;
  input: CatalogQuery;
}): Promise<SearchResult> {
  return search.search(input);
}
