import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { ProgressBar } from "../../../components/ProgressBar";
import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { formatDate } from "../../../lib/format";
import { trpc } from "../../../lib/trpc";
import { useDebounced } from "../../../lib/use-debounced";
import s from "./analytics.module.css";
import {
  ariaSort,
  csvHref,
  EMPTY_ACTIVITY,
  formatNumber,
  type LearnerSort,
  type LearnersTable,
  nextSort,
  pageCount,
  type SortDirection,
} from "./analytics-view";
import { AsOf, CsvLink, TabError, TabSkeleton } from "./parts";

const PAGE_SIZE = 25;
const SEARCH_DELAY_MS = 300;

const COLUMNS: ReadonlyArray<{ sort: LearnerSort; label: string; numeric?: boolean }> = [
  { sort: "name", label: "Learner" },
  { sort: "progress", label: "Progress", numeric: true },
  { sort: "lastActive", label: "Last active" },
  { sort: "enrolled", label: "Enrolled" },
  { sort: "quizAverage", label: "Quiz average", numeric: true },
  { sort: "certificate", label: "Certificate" },
];

/** Every learner, sortable and searchable, and those at risk under a rule the instructor sets. */
export function LearnersTab({ courseId }: { courseId: string }) {
  const id = useId();
  const [text, setText] = useState("");
  const query = useDebounced(text.trim(), SEARCH_DELAY_MS);
  const [order, setOrder] = useState<{ sort: LearnerSort; direction: SortDirection }>({
    sort: "lastActive",
    direction: "desc",
  });
  const [atRiskOnly, setAtRiskOnly] = useState(false);
  const [rule, setRule] = useState({ inactiveDays: 14, belowPercent: 50 });
  const settledRule = useDebounced(rule, SEARCH_DELAY_MS);
  const filters = { query, ...order, atRiskOnly, atRisk: settledRule };
  // A new search, order or filter starts at its first page.
  const filterKey = JSON.stringify(filters);
  const [paging, setPaging] = useState({ filterKey, page: 1 });
  const page = paging.filterKey === filterKey ? paging.page : 1;
  const learners = useQuery({
    ...trpc.analytics.learners.queryOptions({ courseId, ...filters, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const csv = csvHref(courseId, "learners", {
    query,
    ...order,
    atRiskOnly,
    inactiveDays: settledRule.inactiveDays,
    belowPercent: settledRule.belowPercent,
  });
  const setNumber = (key: keyof typeof rule, max: number) => (value: string) => {
    const n = Math.round(Number(value));
    if (Number.isFinite(n) && n >= 1 && n <= max) setRule({ ...rule, [key]: n });
  };

  return (
    <div className={s.tab}>
      <AsOf asOf={learners.data?.asOf} />
      <div className={s.toolbar}>
        <search className={s.search}>
          <label htmlFor={`${id}-search`}>Search learners </label>
          <input
            id={`${id}-search`}
            type="search"
            value={text}
            placeholder="Name or email"
            onChange={(e) => setText(e.target.value)}
          />
        </search>
        <fieldset className={s.filters}>
          <legend>At risk</legend>
          <label className={s.numberField}>
            Inactive for
            <input
              type="number"
              min={1}
              max={365}
              defaultValue={rule.inactiveDays}
              onChange={(e) => setNumber("inactiveDays", 365)(e.target.value)}
            />
            days
          </label>
          <label className={s.numberField}>
            and below
            <input
              type="number"
              min={1}
              max={100}
              defaultValue={rule.belowPercent}
              onChange={(e) => setNumber("belowPercent", 100)(e.target.value)}
            />
            %
          </label>
          <label className={s.numberField}>
            <input
              type="checkbox"
              checked={atRiskOnly}
              onChange={(e) => setAtRiskOnly(e.target.checked)}
            />
            Only learners at risk
          </label>
        </fieldset>
      </div>
      {learners.isPending ? (
        <TabSkeleton label="Loading the learners…" />
      ) : learners.isError ? (
        <TabError what="the learners" onRetry={() => learners.refetch()} />
      ) : (
        <>
          <p className={s.summary}>
            <strong>{formatNumber(learners.data.total)}</strong>{" "}
            {learners.data.total === 1 ? "learner" : "learners"}
            {query ? ` ${learners.data.total === 1 ? "matches" : "match"} “${query}”` : ""} ·{" "}
            <strong>{formatNumber(learners.data.atRiskTotal)}</strong> at risk (no activity for{" "}
            {settledRule.inactiveDays} days while under {settledRule.belowPercent} %) ·{" "}
            <CsvLink href={csv} what="the learners" />
          </p>
          <div aria-busy={learners.isFetching}>
            {learners.data.learners.length === 0 ? (
              <p className={s.summary}>
                {query || atRiskOnly ? "No learner matches these filters." : EMPTY_ACTIVITY}
              </p>
            ) : (
              <LearnersGrid
                data={learners.data}
                order={order}
                onSort={(c) => setOrder(nextSort(order, c))}
              />
            )}
          </div>
          <Pager
            page={learners.data.page}
            pages={pageCount(learners.data.total, learners.data.pageSize)}
            onPage={(next) => setPaging({ filterKey, page: next })}
          />
        </>
      )}
    </div>
  );
}

function LearnersGrid({
  data,
  order,
  onSort,
}: {
  data: LearnersTable;
  order: { sort: LearnerSort; direction: SortDirection };
  onSort: (column: LearnerSort) => void;
}) {
  return (
    <div className={s.tableScroll}>
      <table className={s.table}>
        <caption className="visually-hidden">
          Learners, sorted by {COLUMNS.find((c) => c.sort === order.sort)?.label}{" "}
          {order.direction === "asc" ? "ascending" : "descending"}
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
                  {column.label}
                  <span aria-hidden="true">
                    {order.sort === column.sort ? (order.direction === "asc" ? " ▲" : " ▼") : ""}
                  </span>
                </button>
              </th>
            ))}
            <th scope="col">Lessons done</th>
          </tr>
        </thead>
        <tbody>
          {data.learners.map((learner) => (
            <tr key={learner.enrollmentId} className={learner.atRisk ? s.flagged : undefined}>
              <th scope="row">
                <span>{learner.name}</span>{" "}
                {learner.atRisk && <Badge tone="warning">At risk</Badge>}
                <br />
                <a href={`mailto:${learner.email}`} className="muted">
                  {learner.email}
                </a>
              </th>
              <td className={s.numeric}>
                <ProgressBar percent={learner.percent} label={`${learner.name}'s progress`} />
                {learner.percent} %
              </td>
              <td>{learner.lastActiveAt ? formatDate(learner.lastActiveAt) : "Not started"}</td>
              <td>{formatDate(learner.enrolledAt)}</td>
              <td className={s.numeric}>
                {learner.quizAverage === null ? "—" : `${formatNumber(learner.quizAverage)} %`}
                {learner.quizzesPassed > 0 && ` (${learner.quizzesPassed} passed)`}
              </td>
              <td>
                {learner.certificate ? (
                  <>
                    <Badge tone="success">Issued</Badge> {formatDate(learner.certificate.issuedAt)}
                  </>
                ) : (
                  <span className="muted">Not yet</span>
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

function Pager({
  page,
  pages,
  onPage,
}: {
  page: number;
  pages: number;
  onPage: (p: number) => void;
}) {
  if (pages <= 1) return null;
  return (
    <nav className={s.pager} aria-label="Learner pages">
      <Button variant="ghost" size="small" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        <span aria-hidden="true">←</span> Previous
      </Button>
      <span aria-live="polite">
        Page {page} of {pages}
      </span>
      <Button
        variant="ghost"
        size="small"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        Next <span aria-hidden="true">→</span>
      </Button>
    </nav>
  );
}
