import { Trans, useLingui } from "@lingui/react/macro";
import type { MyProgress } from "../learn/api";
import s from "./my-learning.module.css";

/** The learner's totals, with their mean progress as a ring. */
export function ProgressSummary({ overall }: { overall: MyProgress["overall"] }) {
  return (
    <section className={s.summary} aria-labelledby="summary-heading">
      <h2 id="summary-heading" className="visually-hidden">
        <Trans>Summary</Trans>
      </h2>
      <ProgressRing percent={overall.percent} />
      <dl className={s.facts}>
        <div>
          <dt>
            <Trans>Courses</Trans>
          </dt>
          <dd>{overall.courses}</dd>
        </div>
        <div>
          <dt>
            <Trans>Completed</Trans>
          </dt>
          <dd>{overall.completedCourses}</dd>
        </div>
        <div>
          <dt>
            <Trans>Lessons done</Trans>
          </dt>
          <dd>{overall.lessonsCompleted}</dd>
        </div>
        <div>
          <dt>
            <Trans>Average progress</Trans>
          </dt>
          <dd>{overall.percent} %</dd>
        </div>
      </dl>
    </section>
  );
}

const RADIUS = 42;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

function ProgressRing({ percent }: { percent: number }) {
  const { t } = useLingui();
  const value = Math.max(0, Math.min(100, percent));
  return (
    <svg
      className={s.ring}
      viewBox="0 0 100 100"
      role="img"
      aria-label={t`Average progress across your courses: ${value} %`}
    >
      <circle className={s.ringTrack} cx="50" cy="50" r={RADIUS} />
      <circle
        className={s.ringValue}
        cx="50"
        cy="50"
        r={RADIUS}
        strokeDasharray={`${(CIRCUMFERENCE * value) / 100} ${CIRCUMFERENCE}`}
        transform="rotate(-90 50 50)"
      />
      <text x="50" y="50" className={s.ringText}>
        {value}%
      </text>
    </svg>
  );
}
