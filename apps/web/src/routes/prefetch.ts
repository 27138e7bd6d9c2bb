import { sessionQuery } from "../lib/auth";
import { parseCatalogSearch, toListInput } from "../lib/catalog-url";
import { queryClient, trpc } from "../lib/trpc";

// Fire-and-forget: pages read the same queries with useQuery and show their own loading and
// error states, so a failed prefetch is simply retried there.
const ignore = () => {};

export function prefetchCatalog(url: URL): void {
  const filters = parseCatalogSearch(url.searchParams);
  queryClient.prefetchQuery(trpc.catalog.list.queryOptions(toListInput(filters))).catch(ignore);
  queryClient.prefetchQuery(trpc.catalog.facets.queryOptions()).catch(ignore);
}

export function prefetchCourse(slug: string | undefined): void {
  if (!slug) return;
  queryClient.prefetchQuery(trpc.catalog.bySlug.queryOptions({ slug })).catch(ignore);
}

export function prefetchMyLearning(): void {
  queryClient
    .fetchQuery(sessionQuery)
    .then((user) => user && queryClient.prefetchQuery(trpc.enrollment.mine.queryOptions()))
    .catch(ignore);
}
