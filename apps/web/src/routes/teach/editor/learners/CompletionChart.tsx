import { Trans } from "@lingui/react/macro";
import { useId } from "react";
import { cx } from "../../../../components/ui/cx";
import s from "./learners.module.css";
import { distributionBars, distributionSummary } from "./learners-view";

const WIDTH = 440;
const HEIGHT = 120;
const LABELS = 18;
const TOP = 14;

/**
 * How far learners are, in eleven bands: a bar chart drawn inline (no chart library), named
 * by a one-sentence summary for screen readers, with the same numbers in a hidden table.
 */
export function CompletionChart({ distribution }: { distribution: readonly number[] }) {
  const headingId = useId();
  const bars = distributionBars(distribution, { width: WIDTH, height: HEIGHT, gap: 6 });
  return (
    <figure className={s.chart} aria-labelledby={headingId}>
      <figcaption id={headingId} className={s.chartTitle}>
        <Trans>Completion</Trans>
      </figcaption>
      <svg
        role="img"
        aria-label={distributionSummary(distribution)}
        viewBox={`0 0 ${WIDTH} ${TOP + HEIGHT + LABELS}`}
        preserveAspectRatio="xMidYMid meet"
      >
        <line x1={0} x2={WIDTH} y1={TOP + HEIGHT} y2={TOP + HEIGHT} className={s.axis} />
        {bars.map((bar, i) => (
          <g key={bar.label}>
            <rect
              x={bar.x}
              y={TOP + bar.y}
              width={bar.width}
              height={bar.height}
              rx={2}
              className={cx(s.bar, i === bars.length - 1 && s.complete)}
            />
            {bar.count > 0 && (
              <text x={bar.x + bar.width / 2} y={TOP + bar.y - 3} className={s.count}>
                {bar.count}
              </text>
            )}
            <text x={bar.x + bar.width / 2} y={TOP + HEIGHT + 13} className={s.label}>
              {i === bars.length - 1 ? "100" : i * 10}
            </text>
          </g>
        ))}
      </svg>
      <table className="visually-hidden">
        <caption>
          <Trans>Learners by completion</Trans>
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <Trans>Completion</Trans>
            </th>
            <th scope="col">
              <Trans>Learners</Trans>
            </th>
          </tr>
        </thead>
        <tbody>
          {bars.map((bar) => (
            <tr key={bar.label}>
              <th scope="row">{bar.label}</th>
              <td>{bar.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
