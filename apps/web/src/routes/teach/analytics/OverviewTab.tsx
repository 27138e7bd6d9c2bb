import { Trans, useLingui } from "@lingui/react/macro";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { Button } from "../../../components/ui/Button";
import { cx } from "../../../components/ui/cx";
import { trpc } from "../../../lib/trpc";
import s from "./analytics.module.css";
import {
  activeSummary,
  type CourseOverview,
  changeText,
  compare,
  csvHref,
  enrollmentSummary,
  formatNumber,
  formatShare,
  type Granularity,
  presetRange,
  todayUtc,
} from "./analytics-view";
import { AsOf, ChartFigure, CsvLink, QueryStates, SERIES, TOOLTIP } from "./parts";
import { type PRESETS, type Preset, RangePicker } from "./RangePicker";

/** Enrollments, activity and completion over a chosen range, against the range before it. */
export function OverviewTab({ courseId }: { courseId: string }) {
  const { t } = useLingui();
  const [preset, setPreset] = useState<Preset>(30);
  const [range, setRange] = useState(() => presetRange(30, todayUtc()));
  const [draft, setDraft] = useState(range);
  const [granularity, setGranularity] = useState<Granularity>("day");
  const input = { courseId, ...range, granularity };
  const overview = useQuery({
    ...trpc.analytics.overview.queryOptions(input),
    placeholderData: keepPreviousData,
  });
  const choosePreset = (days: (typeof PRESETS)[number]) => {
    setPreset(days);
    const next = presetRange(days, todayUtc());
    setRange(next);
    setDraft(next);
  };

  return (
    <div className={s.tab}>
      <div className={s.toolbar}>
        <RangePicker
          preset={preset}
          onPreset={choosePreset}
          onCustom={() => setPreset("custom")}
          draft={draft}
          onDraft={setDraft}
          onApply={() => setRange(draft)}
        />
        <fieldset className={s.filters}>
          <legend>
            <Trans>Group by</Trans>
          </legend>
          <div className={s.segmented}>
            {(["day", "week"] as const).map((g) => (
              <Button
                key={g}
                size="small"
                aria-pressed={granularity === g}
                onClick={() => setGranularity(g)}
              >
                {g === "day" ? <Trans>Day</Trans> : <Trans>Week</Trans>}
              </Button>
            ))}
          </div>
        </fieldset>
      </div>
      <AsOf asOf={overview.data?.asOf} />
      <QueryStates
        query={overview}
        what={t`the overview`}
        empty={(data) => data.current.everEnrolled === 0}
      >
        {(data) => (
          <OverviewView
            overview={data}
            csv={csvHref(courseId, "overview", { ...range, granularity })}
          />
        )}
      </QueryStates>
    </div>
  );
}

function OverviewView({ overview, csv }: { overview: CourseOverview; csv: string }) {
  const { t } = useLingui();
  const { totals, previousTotals: previous, current } = overview;
  const period = overview.granularity === "week" ? t`Week of` : t`Day`;
  const median = (days: number | null) => {
    if (days === null) return "—";
    const n = formatNumber(days, 1);
    return t`${n} days`;
  };
  const completed = formatNumber(current.completed);
  const everEnrolled = formatNumber(current.everEnrolled);
  const enrolledNow = formatNumber(current.enrolled);
  const { from, to } = overview.previousRange;
  return (
    <>
      <ul className={s.kpis} aria-label={t`Key figures for the range`}>
        <Kpi label={t`Enrollments`} value={totals.enrolled} previous={previous.enrolled} />
        <Kpi
          label={t`Unenrollments`}
          value={totals.unenrolled}
          previous={previous.unenrolled}
          lowerIsBetter
        />
        <Kpi
          label={t`Active learners a day`}
          value={totals.averageDailyActive}
          previous={previous.averageDailyActive}
          digits={1}
        />
        <Kpi label={t`Completions`} value={totals.completed} previous={previous.completed} />
        <Kpi
          label={t`Certificates issued`}
          value={totals.certified}
          previous={previous.certified}
        />
        <li className={s.kpi}>
          <span className={s.kpiLabel}>
            <Trans>Median time to complete</Trans>
          </span>
          <span className={s.kpiValue}>{median(totals.medianDaysToComplete)}</span>
          <span className={s.kpiChange}>
            <Trans>previous period: {median(previous.medianDaysToComplete)}</Trans>
          </span>
        </li>
        <li className={s.kpi}>
          <span className={s.kpiLabel}>
            <Trans>Completion rate (all time)</Trans>
          </span>
          <span className={s.kpiValue}>{formatShare(current.completionRate)}</span>
          <span className={s.kpiChange}>
            <Trans>
              {completed} of {everEnrolled} ever enrolled; {enrolledNow} enrolled now
            </Trans>
          </span>
        </li>
      </ul>
      <p className={s.summary}>
        <Trans>
          Compared with {from} – {to}.
        </Trans>{" "}
        <CsvLink href={csv} what={t`the overview`} />
      </p>
      <ChartFigure
        title={t`Enrollments and unenrollments`}
        summary={enrollmentSummary(totals, previous)}
        table={{
          caption: t`Enrollments and unenrollments`,
          columns: [
            { label: period },
            { label: t`Enrollments`, numeric: true },
            { label: t`Unenrollments`, numeric: true },
          ],
          rows: overview.series.map((p) => ({
            key: p.period,
            cells: [p.period, p.enrolled, p.unenrolled],
          })),
        }}
      >
        <ResponsiveContainer width="100%" height={260}>
          <ComposedChart data={overview.series} title={t`Enrollments and unenrollments`}>
            <CartesianGrid vertical={false} />
            <XAxis dataKey="period" />
            <YAxis allowDecimals={false} width={40} />
            <Tooltip {...TOOLTIP} />
            <Legend />
            <Bar dataKey="enrolled" name={t`Enrollments`} fill={SERIES.primary} />
            <Bar dataKey="unenrolled" name={t`Unenrollments`} fill={SERIES.danger} />
          </ComposedChart>
        </ResponsiveContainer>
      </ChartFigure>
      <ChartFigure
        title={t`Active learners`}
        summary={activeSummary(overview)}
        table={{
          caption: t`Active learners`,
          columns: [
            { label: period },
            { label: t`Active learners`, numeric: true },
            { label: t`Completions`, numeric: true },
            { label: t`Certificates`, numeric: true },
          ],
          rows: overview.series.map((p) => ({
            key: p.period,
            cells: [p.period, p.active, p.completed, p.certified],
          })),
        }}
      >
        <ResponsiveContainer width="100%" height={260}>
          <LineChart data={overview.series} title={t`Active learners`}>
            <CartesianGrid vertical={false} />
            <XAxis dataKey="period" />
            <YAxis allowDecimals={false} width={40} />
            <Tooltip {...TOOLTIP} />
            <Legend />
            <Line
              dataKey="active"
              name={t`Active learners`}
              stroke={SERIES.primary}
              strokeWidth={2}
            />
            <Line
              dataKey="completed"
              name={t`Completions`}
              stroke={SERIES.success}
              strokeWidth={2}
            />
          </LineChart>
        </ResponsiveContainer>
      </ChartFigure>
    </>
  );
}

function Kpi({
  label,
  value,
  previous,
  digits = 0,
  lowerIsBetter = false,
}: {
  label: string;
  value: number;
  previous: number;
  digits?: number;
  lowerIsBetter?: boolean;
}) {
  const { t } = useLingui();
  const change = compare(value, previous);
  const before = formatNumber(previous, digits);
  const words = changeText(change);
  const good = change.direction === (lowerIsBetter ? "down" : "up");
  return (
    <li className={s.kpi}>
      <span className={s.kpiLabel}>{label}</span>
      <span className={s.kpiValue}>{formatNumber(value, digits)}</span>
      <span
        className={cx(s.kpiChange, change.direction !== "flat" && (good ? s.up : s.down))}
        title={t`Previous period: ${before}`}
      >
        <span aria-hidden="true">
          {words.symbol} {words.text}
        </span>
        <span className="visually-hidden">{words.spoken}</span>
      </span>
    </li>
  );
}
