import { Trans, useLingui } from "@lingui/react/macro";
import { Link } from "react-router";
import { backlogPath } from "../backlog/backlog-view";
import s from "./analytics.module.css";
import {
  type AssessmentsOverview,
  bandsSummary,
  csvHref,
  formatNumber,
  formatShare,
} from "./analytics-view";
import { CsvLink, DataTable } from "./parts";

/** Each exercise's submissions, pass rate and verdicts. */
export function Exercises({ courseId, data }: { courseId: string; data: AssessmentsOverview }) {
  const { t } = useLingui();
  const verdicts = [...new Set(data.exercises.flatMap((e) => Object.keys(e.verdicts)))].sort();
  return (
    <section aria-labelledby="exercises-heading" className={s.tab}>
      <div className={s.figureHead}>
        <h2 id="exercises-heading">
          <Trans>Exercises</Trans>
        </h2>
        <CsvLink href={csvHref(courseId, "exercises")} what={t`the exercises`} />
      </div>
      <DataTable
        table={{
          caption: t`Exercises: submissions and verdicts`,
          columns: [
            { label: t`Exercise` },
            { label: t`Learners`, numeric: true },
            { label: t`Submissions`, numeric: true },
            { label: t`Pass rate`, numeric: true },
            ...verdicts.map((v) => ({ label: v, numeric: true })),
          ],
          rows: data.exercises.map((e) => ({
            key: e.lessonId,
            cells: [
              <span key="title" translate="no">
                {e.title}
              </span>,
              formatNumber(e.learners),
              formatNumber(e.submissions),
              formatShare(e.passRate),
              ...verdicts.map((v) => formatNumber(e.verdicts[v] ?? 0)),
            ],
          })),
        }}
      />
    </section>
  );
}

/** Each assignment's grades and reviews backlog, with a link to it. */
export function Assignments({ courseId, data }: { courseId: string; data: AssessmentsOverview }) {
  const { t } = useLingui();
  return (
    <section aria-labelledby="assignments-heading" className={s.tab}>
      <div className={s.figureHead}>
        <h2 id="assignments-heading">
          <Trans>Assignments</Trans>
        </h2>
        <CsvLink href={csvHref(courseId, "assignments")} what={t`the assignments`} />
      </div>
      <DataTable
        table={{
          caption: t`Assignments: grades and backlog`,
          columns: [
            { label: t`Assignment` },
            { label: t`Submitted`, numeric: true },
            { label: t`Graded`, numeric: true },
            { label: t`Grades` },
            { label: t`Awaiting reviews`, numeric: true },
            { label: t`Awaiting a grade`, numeric: true },
            { label: t`Backlog` },
          ],
          rows: data.assignments.map((a) => ({
            key: a.lessonId,
            cells: [
              <span key="title" translate="no">
                {a.title}
              </span>,
              formatNumber(a.submitted),
              formatNumber(a.graded),
              bandsSummary(a.gradeBands, "grades"),
              formatNumber(a.backlog.awaitingReviews),
              formatNumber(a.backlog.awaitingGrade),
              <Link key="backlog" to={backlogPath(courseId, a.lessonId)}>
                <Trans>
                  Open the backlog
                  <span className="visually-hidden">
                    {" "}
                    of <span translate="no">{a.title}</span>
                  </span>
                </Trans>
              </Link>,
            ],
          })),
        }}
      />
    </section>
  );
}
