import type { MessageDescriptor } from "@lingui/core";
import { msg, plural, t } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
import type { CatalogSort } from "@lumen/shared";
import { Notice } from "../../components/ui/Notice";
import { type CatalogSearch, sortsFor } from "../../lib/catalog-url";
import s from "./ResultsHeader.module.css";

const SORT_LABELS: Record<CatalogSort, MessageDescriptor> = {
  relevance: msg`Best match`,
  newest: msg`Newest`,
  rating: msg`Highest rated`,
  enrollments: msg`Most enrolled`,
};

/**
 * How many results, announced politely when it changes; the sort; and, when the search
 * corrected a typo, which words it used with a way back to the words typed.
 */
export function ResultsHeader({
  search,
  total,
  correctedQuery,
  onSort,
}: {
  search: CatalogSearch;
  total: number | undefined;
  correctedQuery: string | undefined;
  onSort: (sort: CatalogSort) => void;
}) {
  const { t: translate } = useLingui();
  const typed = search.query;
  return (
    <div className={s.header}>
      <p className={s.count} role="status">
        {total === undefined ? "" : summary(total, search.query, correctedQuery)}
      </p>
      <div className={s.sort}>
        <label htmlFor="catalog-sort">
          <Trans>Sort by</Trans>
        </label>
        <select
          id="catalog-sort"
          value={search.sort}
          onChange={(e) => {
            const sort = sortsFor(search.query).find((s) => s === e.target.value);
            if (sort) onSort(sort);
          }}
        >
          {sortsFor(search.query).map((sort) => (
            <option key={sort} value={sort}>
              {translate(SORT_LABELS[sort])}
            </option>
          ))}
        </select>
      </div>
      {correctedQuery && typed && total !== undefined && total > 0 && (
        <Notice tone="info" as="p" className={s.corrected}>
          <span>
            <Trans>
              Showing results for <strong translate="no">{correctedQuery}</strong>.{" "}
              <span className="muted">No exact matches for “{typed}”.</span>
            </Trans>
          </span>
        </Notice>
      )}
    </div>
  );
}

/** Called while rendering (global i18n), so the active language applies. */
function summary(total: number, query: string | undefined, corrected: string | undefined) {
  const searched = corrected ?? query;
  if (!searched) {
    return total === 0 ? t`No courses` : plural(total, { one: "# course", other: "# courses" });
  }
  return total === 0
    ? t`No courses for “${searched}”`
    : plural(total, {
        one: `# course for “${searched}”`,
        other: `# courses for “${searched}”`,
      });
}
