import { Trans, useLingui } from "@lingui/react/macro";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Pagination } from "../../components/Pagination";
import { ErrorState } from "../../components/states";
import { catalogHref, toListInput, withChange } from "../../lib/catalog-url";
import { trpc } from "../../lib/trpc";
import { useDocumentTitle } from "../../lib/use-document-title";
import s from "./CatalogPage.module.css";
import { FacetFilters } from "./FacetFilters";
import { NoResults } from "./NoResults";
import { focusFirstResult, ResultList } from "./ResultList";
import { ResultsHeader } from "./ResultsHeader";
import { ResultsSkeleton } from "./ResultsSkeleton";
import { SearchBox } from "./SearchBox";
import { useCatalogSearch } from "./use-catalog-search";

export function Component() {
  const { t } = useLingui();
  const { search, go, locationSearch } = useCatalogSearch();
  const list = useQuery({
    ...trpc.catalog.list.queryOptions(toListInput(search)),
    placeholderData: keepPreviousData,
  });
  const { query } = search;
  useDocumentTitle(query ? t`“${query}” — Course catalog` : t`Course catalog`);
  const data = list.data;

  return (
    <>
      <div className={s.heading}>
        <h1>
          <Trans>Course catalog</Trans>
        </h1>
        <p className="lede">
          <Trans>Search by skill or topic, then narrow by subject, level and language.</Trans>
        </p>
        <SearchBox
          search={search}
          locationSearch={locationSearch}
          go={go}
          onArrowDown={focusFirstResult}
        />
      </div>
      <div className={s.layout}>
        <FacetFilters search={search} facets={data?.facets} />
        <section aria-label={t`Courses`} aria-busy={list.isFetching} className={s.results}>
          <ResultsHeader
            search={search}
            total={data?.total}
            correctedQuery={data?.correctedQuery}
            onSort={(sort) => go(withChange(search, { sort }))}
          />
          {list.isPending ? (
            <ResultsSkeleton />
          ) : list.isError && !data ? (
            <ErrorState message={t`We could not load courses.`} onRetry={() => list.refetch()} />
          ) : !data || data.items.length === 0 ? (
            <NoResults search={search} />
          ) : (
            <>
              <ResultList items={data.items} />
              <Pagination
                page={data.page}
                pageCount={data.pageCount}
                hrefFor={(page) => catalogHref({ ...search, page })}
              />
            </>
          )}
        </section>
      </div>
    </>
  );
}
