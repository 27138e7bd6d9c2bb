import { Plural, useLingui } from "@lingui/react/macro";
import { formatCount, formatNumber } from "../../../lib/format";
import type { RatingSummary } from "./api";
import s from "./ratings.module.css";

/** The average with its count, and how many ratings gave each number of stars (5 to 1). */
export function Distribution({ summary }: { summary: RatingSummary }) {
  const { t } = useLingui();
  const { count } = summary;
  const average = formatNumber(summary.average, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  return (
    <div className={s.overview}>
      <div>
        <p className={s.average} data-testid="rating-average">
          {count > 0 ? average : "–"}
        </p>
        <p className="muted" data-testid="rating-count">
          <Plural value={count} _0="No ratings yet" one="# rating" other="# ratings" />
        </p>
      </div>
      <ul className={s.bars} aria-label={t`Ratings by stars`}>
        {summary.distribution.map(({ stars, count: n }) => {
          const share = count > 0 ? Math.round((100 * n) / count) : 0;
          const number = formatCount(n);
          return (
            <li key={stars} className={s.bar}>
              <span>
                <Plural value={stars} one="# star" other="# stars" />
              </span>
              <span className={s.track} aria-hidden="true">
                <span className={s.fill} style={{ inlineSize: `${share}%` }} />
              </span>
              <span>{number}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
