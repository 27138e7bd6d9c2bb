import type { MessageDescriptor } from "@lingui/core";
import { msg } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
import { ProgressBar } from "../../../components/ProgressBar";
import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { DirectionArrow } from "../../../components/ui/DirectionArrow";
import { formatDate } from "../../../lib/format";
import s from "./analytics.module.css";
import {
  ariaSort,
  formatNumber,
  type LearnerSort,
  type LearnersTable,
  type SortDirection,
} from "./analytics-view";

const COLUMNS: ReadonlyArray<{ sort: LearnerSort; label: MessageDescriptor; numeric?: boolean }> = [
  { sort: "name", label: msg`Learner` },
  { sort: "progress", label: msg`Progress`, numeric: true },
  { sort: "lastActive", label: msg`Last active` },
  { sort: "enrolled", label: msg`Enrolled` },
  { sort: "quizAverage", label: msg`Quiz average`, numeric: true },
  { sort: "certificate", label: msg`Certificate` },
];

/** The learners' table: a header per sortable column, one row per enrollment. */
export function LearnersGrid({
  data,
  order,
  onSort,
}: {
  data: LearnersTable;
  order: { sort: LearnerSort; direction: SortDirection };
  onSort: (column: LearnerSort) => void;
}) {
  const { t, i18n } = useLingui();
  const sortedBy = COLUMNS.find((c) => c.sort === order.sort);
  const column = sortedBy ? i18n._(sortedBy.label) : "";
  return (
    <div className={s.tableScroll}>
      <table className={s.table}>
        <caption className="visually-hidden">
          {order.direction === "asc" ? (
            <Trans>Learners, sorted by {column} ascending</Trans>
          ) : (
            <Trans>Learners, sorted by {column} descending</Trans>
          )}
        </caption>
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <th
                key={column.sort}
                scope="col"
                aria-sort={ariaSort(order, column.sort)}
                className={column.numeric ? s.numeric : undefined}
              >
                <button type="button" className={s.sortButton} onClick={() => onSort(column.sort)}>
                  {i18n._(column.label)}
                  <span aria-hidden="true">
                    {order.sort === column.sort ? (order.direction === "asc" ? " ▲" : " ▼") : ""}
                  </span>
                </button>
              </th>
            ))}
            <th scope="col">
              <Trans>Lessons done</Trans>
            </th>
          </tr>
        </thead>
        <tbody>
          {data.learners.map((learner) => (
            <tr key={learner.enrollmentId} className={learner.atRisk ? s.flagged : undefined}>
              <th scope="row">
                <span translate="no">{learner.name}</span>{" "}
                {learner.atRisk && (
                  <Badge tone="warning">
                    <Trans>At risk</Trans>
                  </Badge>
                )}
                <br />
                <a href={`mailto:${learner.email}`} className="muted" translate="no">
                  {learner.email}
                </a>
              </th>
              <td className={s.numeric}>
                <ProgressBar percent={learner.percent} label={t`${learner.name}'s progress`} />
                {learner.percent} %
              </td>
              <td>{learner.lastActiveAt ? formatDate(learner.lastActiveAt) : t`Not started`}</td>
              <td>{formatDate(learner.enrolledAt)}</td>
              <td className={s.numeric}>
                {learner.quizAverage === null ? "—" : `${formatNumber(learner.quizAverage)} %`}
                {learner.quizzesPassed > 0 && (
                  <>
                    {" "}
                    <Trans>({learner.quizzesPassed} passed)</Trans>
                  </>
                )}
              </td>
              <td>
                {learner.certificate ? (
                  <>
                    <Badge tone="success">
                      <Trans>Issued</Trans>
                    </Badge>{" "}
                    {formatDate(learner.certificate.issuedAt)}
                  </>
                ) : (
                  <span className="muted">
                    <Trans>Not yet</Trans>
                  </span>
                )}
              </td>
              <td className={s.numeric}>
                {learner.lessonsCompleted} / {data.requiredLessons}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Previous / next through the learners' pages. */
export function Pager({
  page,
  pages,
  onPage,
}: {
  page: number;
  pages: number;
  onPage: (p: number) => void;
}) {
  const { t } = useLingui();
  if (pages <= 1) return null;
  return (
    <nav className={s.pager} aria-label={t`Learner pages`}>
      <Button variant="ghost" size="small" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        <DirectionArrow to="start" /> <Trans>Previous</Trans>
      </Button>
      <span aria-live="polite">
        <Trans>
          Page {page} of {pages}
        </Trans>
      </span>
      <Button
        variant="ghost"
        size="small"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        <Trans>Next</Trans> <DirectionArrow to="end" />
      </Button>
    </nav>
  );
}
