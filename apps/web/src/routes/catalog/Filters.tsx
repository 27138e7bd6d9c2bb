import { useQuery } from "@tanstack/react-query";
import type { ChangeEvent } from "react";
import {
  type CatalogFilters,
  hasActiveFilters,
  LEVELS,
  toLevel,
  toSort,
  withFilter,
} from "../../lib/catalog-url";
import { capitalize, languageName } from "../../lib/format";
import { trpc } from "../../lib/trpc";

const SORT_LABELS = { newest: "Newest", rating: "Highest rated", enrollments: "Most enrolled" };

interface Option {
  value: string;
  label: string;
}

/** Filters apply as they change; results update in place (no change of context). */
export function Filters({
  filters,
  onChange,
  onClear,
}: {
  filters: CatalogFilters;
  onChange: (next: CatalogFilters) => void;
  onClear: () => void;
}) {
  const facets = useQuery({ ...trpc.catalog.facets.queryOptions(), staleTime: 5 * 60_000 });
  const withCount = (label: string, count: number) => `${label} (${count.toLocaleString("en")})`;
  const categories = facets.data?.categories.map((f) => ({
    value: f.value,
    label: withCount(f.value, f.count),
  }));
  const levels =
    facets.data?.levels.map((f) => ({
      value: f.value,
      label: withCount(capitalize(f.value), f.count),
    })) ?? LEVELS.map((l) => ({ value: l, label: capitalize(l) }));
  const languages = facets.data?.languages.map((f) => ({
    value: f.value,
    label: withCount(languageName(f.value), f.count),
  }));
  const set = (change: Partial<Omit<CatalogFilters, "page">>) =>
    onChange(withFilter(filters, change));

  return (
    <form className="filters" aria-label="Filter courses" onSubmit={(e) => e.preventDefault()}>
      <Select
        id="filter-category"
        label="Category"
        all="All categories"
        value={filters.category}
        options={categories}
        onChange={(e) => set({ category: e.target.value || undefined })}
      />
      <Select
        id="filter-level"
        label="Level"
        all="All levels"
        value={filters.level}
        options={levels}
        onChange={(e) => set({ level: toLevel(e.target.value) })}
      />
      <Select
        id="filter-language"
        label="Language"
        all="All languages"
        value={filters.language}
        options={languages}
        onChange={(e) => set({ language: e.target.value || undefined })}
      />
      <Select
        id="filter-sort"
        label="Sort by"
        value={filters.sort}
        options={Object.entries(SORT_LABELS).map(([value, label]) => ({ value, label }))}
        onChange={(e) => set({ sort: toSort(e.target.value) })}
      />
      {hasActiveFilters(filters) && (
        <button type="button" className="button button-ghost filters-clear" onClick={onClear}>
          Clear filters
        </button>
      )}
    </form>
  );
}

function Select(props: {
  id: string;
  label: string;
  all?: string;
  value: string | undefined;
  options: Option[] | undefined;
  onChange: (event: ChangeEvent<HTMLSelectElement>) => void;
}) {
  const { id, label, all, value, onChange } = props;
  // Keep the selected value visible even before (or without) facets, e.g. from a shared link.
  const base = props.options ?? [];
  const options =
    value && !base.some((o) => o.value === value) ? [...base, { value, label: value }] : base;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ""} onChange={onChange}>
        {all !== undefined && <option value="">{all}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
