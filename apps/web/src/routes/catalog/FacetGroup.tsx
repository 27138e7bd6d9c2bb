import { Plural, Trans } from "@lingui/react/macro";
import { useId } from "react";
import { Link } from "react-router";
import { intlLocale } from "../../lib/i18n";
import s from "./FacetFilters.module.css";

export interface FacetOption {
  value: string;
  label: string;
  count: number | undefined;
  href: string;
  selected: boolean;
}

/** One filter: a heading and its values as links, the chosen one marked and removable. */
export function FacetGroup({
  title,
  options,
  star = false,
}: {
  title: string;
  options: FacetOption[];
  star?: boolean;
}) {
  const headingId = useId();
  if (options.length === 0) return null;
  return (
    <section className={s.group} aria-labelledby={headingId}>
      <h2 id={headingId} className={s.title}>
        {title}
      </h2>
      <ul>
        {options.map((option) => (
          <li key={option.value}>
            <Link
              to={option.href}
              preventScrollReset
              className={s.option}
              aria-current={option.selected ? "true" : undefined}
            >
              <span className={s.check} aria-hidden="true" />
              <span className={s.label}>
                {star && (
                  <span className={s.star} aria-hidden="true">
                    ★{" "}
                  </span>
                )}
                {option.label}
                {option.selected && (
                  <span className="visually-hidden">
                    {" "}
                    <Trans>(selected, activate to remove)</Trans>
                  </span>
                )}
              </span>
              {option.count !== undefined && (
                <span className={s.count}>
                  {option.count.toLocaleString(intlLocale())}
                  <span className="visually-hidden">
                    {" "}
                    <Plural value={option.count} one="course" other="courses" />
                  </span>
                </span>
              )}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
