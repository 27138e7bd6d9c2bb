import { useId } from "react";
import { Link } from "react-router";

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
    <section className="facet" aria-labelledby={headingId}>
      <h2 id={headingId} className="facet-title">
        {title}
      </h2>
      <ul>
        {options.map((option) => (
          <li key={option.value}>
            <Link
              to={option.href}
              preventScrollReset
              className="facet-option"
              aria-current={option.selected ? "true" : undefined}
            >
              <span className="facet-check" aria-hidden="true" />
              <span className="facet-label">
                {star && (
                  <span className="star" aria-hidden="true">
                    ★{" "}
                  </span>
                )}
                {option.label}
                {option.selected && (
                  <span className="visually-hidden"> (selected, activate to remove)</span>
                )}
              </span>
              {option.count !== undefined && (
                <span className="facet-count">
                  {option.count.toLocaleString("en")}
                  <span className="visually-hidden">
                    {" "}
                    {option.count === 1 ? "course" : "courses"}
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
