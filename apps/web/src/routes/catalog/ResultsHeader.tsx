import type { CatalogSort } from "@lumen/shared";
import { Notice } from "../../components/ui/Notice";
import { type CatalogSearch, sortsFor } from "../../lib/catalog-url";
import s from "./ResultsHeader.module.css";

const SORT_LABELS: Record<CatalogSort, string> = {
  relevance: "Best match",
  newest: "Newest",
  rating: "Highest rated",
  enrollments: "Most enrolled",
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
  return (
    <div className={s.header}>
      <p className={s.count} role="status">
        {total === undefined ? "" : summary(total, search.query, correctedQuery)}
      </p>
      <div className={s.sort}>
        <label htmlFor="catalog-sort">Sort by</label>
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
              {SORT_LABELS[sort]}
            </option>
          ))}
        </select>
      </div>
      {correctedQuery && total !== undefined && total > 0 && (
        <Notice tone="info" as="p" className={s.corrected}>
          <span>
            Showing results for <strong>{correctedQuery}</strong>.{" "}
            <span className="muted">No exact matches for “{search.query}”.</span>
          </span>
        </Notice>
      )}
    </div>
  );
}

function summary(total: number, query: string | undefined, corrected: string | undefined) {
  const courses =
    total === 0
      ? "No courses"
      : `${total.toLocaleString("en")} ${total === 1 ? "course" : "courses"}`;
  return query ? `${courses} for “${corrected ?? query}”` : courses;
}
