import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
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
  rangeProblem,
  todayUtc,
} from "./analytics-view";
import { AsOf, ChartFigure, CsvLink, QueryStates, SERIES, TOOLTIP } from "./parts";

const PRESETS = [7, 30, 90] as const;
type Preset = (typeof PRESETS)[number] | "custom";

/** Enrollments, activity and completion over a chosen range, against the range before it. */
export function OverviewTab({ courseId }: { courseId: string }) {
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
          <legend>Group by</legend>
          <div className={s.segmented}>
            {(["day", "week"] as const).map((g) => (
              <Button
                key={g}
                size="small"
                aria-pressed={granularity === g}
                onClick={() => setGranularity(g)}
              >
                {g === "day" ? "Day" : "Week"}
              </Button>
            ))}
          </div>
        </fieldset>
      </div>
      <AsOf asOf={overview.data?.asOf} />
      <QueryStates
        query={overview}
        what="the overview"
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

function RangePicker({
  preset,
  onPreset,
  onCustom,
  draft,
  onDraft,
  onApply,
}: {
  preset: Preset;
  onPreset: (days: (typeof PRESETS)[number]) => void;
  onCustom: () => void;
  draft: { from: string; to: string };
  onDraft: (range: { from: string; to: string }) => void;
  onApply: () => void;
}) {
  const id = useId();
  const problem = preset === "custom" ? rangeProblem(draft.from, draft.to) : null;
  return (
    <fieldset className={s.filters}>
      <legend>Date range</legend>
      <div className={s.segmented}>
        {PRESETS.map((days) => (
          <Button
            key={days}
            size="small"
            aria-pressed={preset === days}
            onClick={() => onPreset(days)}
          >
            Last {days} days
          </Button>
        ))}
        <Button size="small" aria-pressed={preset === "custom"} onClick={onCustom}>
          Custom
        </Button>
      </div>
      {preset === "custom" && (
        <form
          className={s.filters}
          onSubmit={(event) => {
            event.preventDefault();
            if (!problem) onApply();
          }}
        >
          <label className={s.dateField}>
            From
            <input
              type="date"
              value={draft.from}
              aria-describedby={problem ? `${id}-problem` : undefined}
              onChange={(e) => onDraft({ ...draft, from: e.target.value })}
            />
          </label>
          <label className={s.dateField}>
            To
            <input
              type="date"
              value={draft.to}
              aria-describedby={problem ? `${id}-problem` : undefined}
              onChange={(e) => onDraft({ ...draft, to: e.target.value })}
            />
          </label>
          <Button type="submit" size="small" variant="primary" disabled={problem !== null}>
            Apply
          </Button>
          {problem && (
            <p id={`${id}-problem`} className={s.error} role="alert">
              {problem}
            </p>
          )}
        </form>
      )}
    </fieldset>
  );
}

function OverviewView({ overview, csv }: { overview: CourseOverview; csv: string }) {
  const { totals, previousTotals: previous, current } = overview;
  const period = overview.granularity === "week" ? "Week of" : "Day";
  const median = (days: number | null) => (days === null ? "—" : `${formatNumber(days, 1)} days`);
  return (
    <>
      <ul className={s.kpis} aria-label="Key figures for the range">
        <Kpi label="Enrollments" value={totals.enrolled} previous={previous.enrolled} />
        <Kpi
          label="Unenrollments"
          value={totals.unenrolled}
          previous={previous.unenrolled}
          lowerIsBetter
        />
        <Kpi
          label="Active learners a day"
          value={totals.averageDailyActive}
          previous={previous.averageDailyActive}
          digits={1}
        />
        <Kpi label="Completions" value={totals.completed} previous={previous.completed} />
        <Kpi label="Certificates issued" value={totals.certified} previous={previous.certified} />
        <li className={s.kpi}>
          <span className={s.kpiLabel}>Median time to complete</span>
          <span className={s.kpiValue}>{median(totals.medianDaysToComplete)}</span>
          <span className={s.kpiChange}>
            previous period: {median(previous.medianDaysToComplete)}
          </span>
        </li>
        <li className={s.kpi}>
          <span className={s.kpiLabel}>Completion rate (all time)</span>
          <span className={s.kpiValue}>{formatShare(current.completionRate)}</span>
          <span className={s.kpiChange}>
            {formatNumber(current.completed)} of {formatNumber(current.everEnrolled)} ever enrolled;{" "}
            {formatNumber(current.enrolled)} enrolled now
          </span>
        </li>
      </ul>
      <p className={s.summary}>
        Compared with {overview.previousRange.from} – {overview.previousRange.to}.{" "}
        <CsvLink href={csv} what="the overview" />
      </p>
      <ChartFigure
        title="Enrollments and unenrollments"
        summary={enrollmentSummary(totals, previous)}
        table={{
          caption: "Enrollments and unenrollments",
          columns: [
            { label: period },
            { label: "Enrollments", numeric: true },
            { label: "Unenrollments", numeric: true },
          ],
          rows: overview.series.map((p) => ({
            key: p.period,
            cells: [p.period, p.enrolled, p.unenrolled],
          })),
        }}
      >
        <ResponsiveContainer width="100%" height={260}>
          <ComposedChart data={overview.series} title="Enrollments and unenrollments">
            <CartesianGrid vertical={false} />
            <XAxis dataKey="period" />
            <YAxis allowDecimals={false} width={40} />
            <Tooltip {...TOOLTIP} />
            <Legend />
            <Bar dataKey="enrolled" name="Enrollments" fill={SERIES.primary} />
            <Bar dataKey="unenrolled" name="Unenrollments" fill={SERIES.danger} />
          </ComposedChart>
        </ResponsiveContainer>
      </ChartFigure>
      <ChartFigure
        title="Active learners"
        summary={activeSummary(overview)}
        table={{
          caption: "Active learners",
          columns: [
            { label: period },
            { label: "Active learners", numeric: true },
            { label: "Completions", numeric: true },
            { label: "Certificates", numeric: true },
          ],
          rows: overview.series.map((p) => ({
            key: p.period,
            cells: [p.period, p.active, p.completed, p.certified],
          })),
        }}
      >
        <ResponsiveContainer width="100%" height={260}>
          <LineChart data={overview.series} title="Active learners">
            <CartesianGrid vertical={false} />
            <XAxis dataKey="period" />
            <YAxis allowDecimals={false} width={40} />
            <Tooltip {...TOOLTIP} />
            <Legend />
            <Line dataKey="active" name="Active learners" stroke={SERIES.primary} strokeWidth={2} />
            <Line dataKey="completed" name="Completions" stroke={SERIES.success} strokeWidth={2} />
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
  const change = compare(value, previous);
  const words = changeText(change);
  const good = change.direction === (lowerIsBetter ? "down" : "up");
  return (
    <li className={s.kpi}>
      <span className={s.kpiLabel}>{label}</span>
      <span className={s.kpiValue}>{formatNumber(value, digits)}</span>
      <span
        className={cx(s.kpiChange, change.direction !== "flat" && (good ? s.up : s.down))}
        title={`Previous period: ${formatNumber(previous, digits)}`}
      >
        <span aria-hidden="true">
          {words.symbol} {words.text}
        </span>
        <span className="visually-hidden">{words.spoken}</span>
      </span>
    </li>
  );
}
