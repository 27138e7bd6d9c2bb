import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { CourseCard } from "../../components/CourseCard";
import { Pagination } from "../../components/Pagination";
import { EmptyState, ErrorState, LoadingState } from "../../components/states";
import {
  type CatalogFilters,
  hasActiveFilters,
  parseCatalogSearch,
  serializeCatalogSearch,
  toListInput,
} from "../../lib/catalog-url";
import { plural } from "../../lib/format";
import { trpc } from "../../lib/trpc";
import { useDocumentTitle } from "../../lib/use-document-title";
import { Filters } from "./Filters";

const CLEARED: CatalogFilters = {
  category: undefined,
  level: undefined,
  language: undefined,
  sort: "newest",
  page: 1,
};

function hrefFor(filters: CatalogFilters): string {
  const query = serializeCatalogSearch(filters).toString();
  return query ? `/?${query}` : "/";
}

export function Component() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = parseCatalogSearch(searchParams);
  const list = useQuery({
    ...trpc.catalog.list.queryOptions(toListInput(filters)),
    placeholderData: keepPreviousData,
  });
  useDocumentTitle("Course catalog");
  const apply = (next: CatalogFilters) => setSearchParams(serializeCatalogSearch(next));
  const clear = () => apply({ ...CLEARED, sort: filters.sort });
  const narrowed = hasActiveFilters(filters) || filters.page > 1;

  return (
    <>
      <div className="page-heading">
        <h1>Course catalog</h1>
        <p className="lede">Find a course by subject, level and language.</p>
      </div>
      <Filters filters={filters} onChange={apply} onClear={clear} />
      <p className="result-count" role="status">
        {list.data ? plural(list.data.total, "course") : ""}
      </p>
      <section aria-label="Courses" aria-busy={list.isFetching} className="results">
        {list.isPending ? (
          <LoadingState label="Loading courses…" />
        ) : list.isError ? (
          <ErrorState message="We could not load courses." onRetry={() => list.refetch()} />
        ) : list.data.items.length === 0 ? (
          <EmptyState title={narrowed ? "No courses match" : "No courses yet"}>
            {narrowed ? (
              <p>
                Try fewer filters.{" "}
                <button type="button" className="button button-secondary" onClick={clear}>
                  Clear filters
                </button>
              </p>
            ) : (
              <p>New courses are on their way. Check back soon.</p>
            )}
          </EmptyState>
        ) : (
          <>
            <ul className="card-grid">
              {list.data.items.map((course) => (
                <li key={course.id}>
                  <CourseCard course={course} />
                </li>
              ))}
            </ul>
            <Pagination
              page={list.data.page}
              pageCount={list.data.pageCount}
              hrefFor={(page) => hrefFor({ ...filters, page })}
            />
          </>
        )}
      </section>
    </>
  );
}
