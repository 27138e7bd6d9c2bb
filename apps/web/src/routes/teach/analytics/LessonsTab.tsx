import { Trans, useLingui } from "@lingui/react/macro";
import { useQuery } from "@tanstack/react-query";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { Notice } from "../../../components/ui/Notice";
import { trpc } from "../../../lib/trpc";
import s from "./analytics.module.css";
import {
  type CourseFunnel,
  csvHref,
  formatPoints,
  formatShare,
  funnelCallout,
  funnelSummary,
} from "./analytics-view";
import { AsOf, ChartFigure, CsvLink, QueryStates, SERIES, TOOLTIP } from "./parts";

/** The lesson funnel: who started and completed each lesson, in outline order. */
export function LessonsTab({ courseId }: { courseId: string }) {
  const { t } = useLingui();
  const funnel = useQuery(trpc.analytics.funnel.queryOptions({ courseId }));
  return (
    <div className={s.tab}>
      <AsOf asOf={funnel.data?.asOf} />
      <QueryStates
        query={funnel}
        what={t`the lesson funnel`}
        empty={(data) => data.learners === 0 || data.lessons.length === 0}
      >
        {(data) => <FunnelView funnel={data} csv={csvHref(courseId, "funnel")} />}
      </QueryStates>
    </div>
  );
}

function FunnelView({ funnel, csv }: { funnel: CourseFunnel; csv: string }) {
  const { t } = useLingui();
  const callout = funnelCallout(funnel.lessons);
  const data = funnel.lessons.map((lesson) => ({
    ...lesson,
    label: `${lesson.position}. ${lesson.title}`,
    startedPercent: Math.round(lesson.startedShare * 100),
    completedPercent: Math.round(lesson.completedShare * 100),
  }));
  return (
    <>
      {callout && (
        <Notice tone="warning" as="p" className={s.callout}>
          {callout}
        </Notice>
      )}
      <ChartFigure
        title={t`Lesson funnel`}
        summary={funnelSummary(funnel)}
        actions={<CsvLink href={csv} what={t`the lesson funnel`} />}
        table={{
          caption: t`Lesson funnel`,
          columns: [
            { label: t`Lesson` },
            { label: t`Module` },
            { label: t`Started`, numeric: true },
            { label: t`Completed`, numeric: true },
            { label: t`Drop from previous`, numeric: true },
          ],
          rows: funnel.lessons.map((lesson) => ({
            key: lesson.lessonId,
            flagged: lesson.biggestDrop,
            cells: [
              <>
                {lesson.position}. <span translate="no">{lesson.title}</span>
                {lesson.optional && (
                  <span className="muted">
                    {" "}
                    <Trans>(optional)</Trans>
                  </span>
                )}
                {lesson.biggestDrop && (
                  <strong>
                    {" "}
                    <Trans>— biggest drop</Trans>
                  </strong>
                )}
              </>,
              <span key="module" translate="no">
                {lesson.moduleTitle}
              </span>,
              `${lesson.started} (${formatShare(lesson.startedShare)})`,
              `${lesson.completed} (${formatShare(lesson.completedShare)})`,
              lesson.dropFromPrevious === null ? "—" : formatPoints(-lesson.dropFromPrevious),
            ],
          })),
        }}
      >
        {/* The axis names lessons (course content); the legend is translated above. */}
        <div translate="no">
          <ResponsiveContainer width="100%" height={Math.max(200, 44 * data.length + 60)}>
            <BarChart data={data} layout="vertical" title={t`Lesson funnel`} margin={{ left: 8 }}>
              <CartesianGrid horizontal={false} />
              <XAxis type="number" domain={[0, 100]} unit=" %" />
              <YAxis type="category" dataKey="label" width={180} />
              <Tooltip {...TOOLTIP} formatter={(value) => `${value} %`} />
              <Legend />
              <Bar dataKey="startedPercent" name={t`Started`} fill={SERIES.muted} />
              <Bar dataKey="completedPercent" name={t`Completed`} fill={SERIES.primary}>
                {data.map((lesson) => (
                  <Cell
                    key={lesson.lessonId}
                    fill={lesson.biggestDrop ? SERIES.danger : SERIES.primary}
                  />
                ))}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </div>
      </ChartFigure>
    </>
  );
}
