import { Trans, useLingui } from "@lingui/react/macro";
import { useId, useState } from "react";
import { Link } from "react-router";
import { buttonClass } from "../../components/ui/Button";
import {
  activeFilterCount,
  type CatalogFilterKey,
  type CatalogSearch,
  catalogHref,
  filterValue,
  RATING_STEPS,
  withFilterValue,
  withoutFilters,
} from "../../lib/catalog-url";
import { categoryText } from "../../lib/course-category";
import { languageName } from "../../lib/format";
import { intlLocale } from "../../lib/i18n";
import s from "./FacetFilters.module.css";
import { FacetGroup, type FacetOption } from "./FacetGroup";
import { levelText } from "./level-labels";

export interface FacetValue {
  value: string;
  count: number;
}
export interface Facets {
  category: FacetValue[];
  level: FacetValue[];
  language: FacetValue[];
}

/**
 * Filters as links: each is shareable, opens in a new tab and is undone by Back. Counts come
 * with the results, so they always describe the search on screen. On narrow screens the
 * panel folds behind a "Filters" button.
 */
export function FacetFilters({
  search,
  facets,
}: {
  search: CatalogSearch;
  facets: Facets | undefined;
}) {
  const { t } = useLingui();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const active = activeFilterCount(search);
  const option = (key: CatalogFilterKey, value: string, label: string, count?: number) => {
    const selected = filterValue(search, key) === value;
    const next = withFilterValue(search, key, selected ? undefined : value);
    return { value, label, count, selected, href: catalogHref(next) };
  };
  const options = (
    key: CatalogFilterKey,
    values: FacetValue[] | undefined,
    label: (value: string) => string,
  ): FacetOption[] => {
    const list = (values ?? []).map((f) => option(key, f.value, label(f.value), f.count));
    // A value chosen from a shared link stays visible (and removable) even with no results.
    const current = filterValue(search, key);
    if (current !== undefined && !list.some((o) => o.selected)) {
      list.unshift(option(key, current, label(current), 0));
    }
    return list;
  };
  const oneDecimal = new Intl.NumberFormat(intlLocale(), {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const ratings = RATING_STEPS.map((step) => {
    const rating = oneDecimal.format(step);
    return option("minRating", String(step), t`${rating} & up`);
  });

  return (
    <aside className={s.facets} aria-label={t`Filters`}>
      <button
        type="button"
        className={buttonClass({ variant: "ghost" }, s.toggle)}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        {active > 0 ? <Trans>Filters ({active})</Trans> : <Trans>Filters</Trans>}
      </button>
      <div id={panelId} className={s.panel} data-open={open}>
        {active > 0 && (
          <Link to={catalogHref(withoutFilters(search))} className={s.clear} preventScrollReset>
            <Trans>Clear all filters</Trans>
          </Link>
        )}
        <FacetGroup
          title={t`Category`}
          options={options("category", facets?.category, (v) => categoryText(v, t))}
        />
        <FacetGroup
          title={t`Level`}
          options={options("level", facets?.level, (v) => levelText(v, t))}
        />
        <FacetGroup
          title={t`Language`}
          options={options("language", facets?.language, languageName)}
        />
        <FacetGroup title={t`Rating`} options={ratings} star />
      </div>
    </aside>
  );
}
