import { Trans, useLingui } from "@lingui/react/macro";
import { useId } from "react";
import { cx } from "../../../components/ui/cx";
import s from "./backlog.module.css";
import { BACKLOG_STATES, type BacklogState, countsSummary, stackedSegments } from "./backlog-view";

const WIDTH = 440;
const HEIGHT = 28;

/**
 * Submissions by state as one stacked bar, drawn inline like the learners' completion chart
 * (no chart library): named by a one-sentence summary, with a legend that carries the counts
 * as text.
 */
export function BacklogChart({ counts }: { counts: Record<BacklogState, number> }) {
  const { i18n } = useLingui();
  const headingId = useId();
  const segments = stackedSegments(counts, WIDTH);
  return (
    <figure className={s.chart} aria-labelledby={headingId}>
      <figcaption id={headingId} className={s.chartTitle}>
        <Trans>Submissions by state</Trans>
      </figcaption>
      <svg
        role="img"
        aria-label={countsSummary(counts)}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
      >
        {segments.map((segment) => (
          <rect
            key={segment.state}
            x={segment.x}
            y={0}
            width={Math.max(0, segment.width - 1)}
            height={HEIGHT}
            className={cx(s.segment, s[segment.state])}
          />
        ))}
      </svg>
      <ul className={s.legend}>
        {BACKLOG_STATES.map(({ state, label }) => (
          <li key={state}>
            <span className={cx(s.swatch, s[state])} aria-hidden="true" />
            <Trans>
              {i18n._(label)}: <strong>{counts[state]}</strong>
            </Trans>
          </li>
        ))}
      </ul>
    </figure>
  );
}
