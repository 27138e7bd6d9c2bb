import { Trans, useLingui } from "@lingui/react/macro";
import { Link } from "react-router";
import { formatNumber } from "../lib/format";
import { pageItems } from "../lib/pagination";
import s from "./Pagination.module.css";
import { DirectionArrow } from "./ui/DirectionArrow";

/** Real links (shareable, open in a new tab), with the current page marked for AT. */
export function Pagination({
  page,
  pageCount,
  hrefFor,
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
}) {
  const { t } = useLingui();
  const items = pageItems(page, pageCount);
  if (items.length === 0) return null;
  return (
    <nav aria-label={t`Pagination`} className={s.pagination}>
      <ul>
        <li>
          {page > 1 ? (
            <Link to={hrefFor(page - 1)} rel="prev">
              <DirectionArrow to="start" />
              <Trans>Previous</Trans>
            </Link>
          ) : (
            <span className={s.disabled}>
              <DirectionArrow to="start" />
              <Trans>Previous</Trans>
            </span>
          )}
        </li>
        {items.map((item) =>
          item.kind === "gap" ? (
            <li key={item.key} aria-hidden="true" className={s.gap}>
              …
            </li>
          ) : (
            <li key={item.page}>
              <Link
                to={hrefFor(item.page)}
                aria-current={item.page === page ? "page" : undefined}
                aria-label={t`Page ${formatNumber(item.page)}`}
              >
                {formatNumber(item.page)}
              </Link>
            </li>
          ),
        )}
        <li>
          {page < pageCount ? (
            <Link to={hrefFor(page + 1)} rel="next">
              <Trans>Next</Trans>
              <DirectionArrow to="end" />
            </Link>
          ) : (
            <span className={s.disabled}>
              <Trans>Next</Trans>
              <DirectionArrow to="end" />
            </span>
          )}
        </li>
      </ul>
    </nav>
  );
}
