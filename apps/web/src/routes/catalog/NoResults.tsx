import { Plural, Trans, useLingui } from "@lingui/react/macro";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { stateStyles } from "../../components/states";
import { ButtonLink } from "../../components/ui/Button";
import { cx } from "../../components/ui/cx";
import { TagLink } from "../../components/ui/Tag";
import {
  activeFilterCount,
  type CatalogSearch,
  catalogHref,
  EMPTY_SEARCH,
  withChange,
  withFilterValue,
  withoutFilters,
} from "../../lib/catalog-url";
import { categoryText } from "../../lib/course-category";
import { trpc } from "../../lib/trpc";
import s from "./NoResults.module.css";

/**
 * Nothing matched: say what was searched and offer ways forward — drop the filters, use fewer
 * words, or start from a popular subject.
 */
export function NoResults({ search }: { search: CatalogSearch }) {
  const filters = activeFilterCount(search);
  const { query } = search;
  const words = search.query?.split(" ") ?? [];
  const shorter = words.length > 1 ? words.slice(0, -1).join(" ") : null;
  if (!search.query && filters === 0) {
    return (
      <div className={cx(stateStyles.state, stateStyles.empty)}>
        <h2>
          <Trans>No courses yet</Trans>
        </h2>
        <p>
          <Trans>New courses are on their way. Check back soon.</Trans>
        </p>
      </div>
    );
  }
  return (
    <div className={cx(stateStyles.state, stateStyles.empty)}>
      <h2>
        {query ? (
          <Trans>No courses match “{query}”</Trans>
        ) : (
          <Trans>No courses match these filters</Trans>
        )}
      </h2>
      <ul className={s.suggestions}>
        {filters > 0 && (
          <li>
            <ButtonLink to={catalogHref(withoutFilters(search))} variant="secondary">
              <Plural value={filters} one="Clear the filter" other="Clear all # filters" />
            </ButtonLink>
          </li>
        )}
        {shorter && (
          <li>
            <Trans>
              Try fewer words:{" "}
              <Link to={catalogHref(withChange(search, { query: shorter }))} translate="no">
                {shorter}
              </Link>
            </Trans>
          </li>
        )}
        {query && (
          <li>
            <Trans>Check the spelling, or try a more general term.</Trans>
          </li>
        )}
      </ul>
      <PopularCategories />
    </div>
  );
}

/** The biggest subjects of the whole catalog, from the unfiltered facet counts. */
function PopularCategories() {
  const { t } = useLingui();
  const all = useQuery({
    ...trpc.catalog.list.queryOptions({ page: 1, pageSize: 1 }),
    staleTime: 5 * 60_000,
  });
  const top = [...(all.data?.facets.category ?? [])].sort((a, b) => b.count - a.count).slice(0, 5);
  if (top.length === 0) return null;
  return (
    <nav aria-labelledby="popular-heading" className={s.popular}>
      <h3 id="popular-heading">
        <Trans>Popular categories</Trans>
      </h3>
      <ul>
        {top.map((facet) => (
          <li key={facet.value}>
            <TagLink to={catalogHref(withFilterValue(EMPTY_SEARCH, "category", facet.value))}>
              {categoryText(facet.value, t)}
            </TagLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
