import { Plural, Trans, useLingui } from "@lingui/react/macro";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { trpc } from "../../../lib/trpc";
import { useDebounced } from "../../../lib/use-debounced";
import s from "./analytics.module.css";
import {
  csvHref,
  EMPTY_ACTIVITY,
  formatNumber,
  type LearnerSort,
  nextSort,
  pageCount,
  type SortDirection,
} from "./analytics-view";
import { LearnersGrid, Pager } from "./LearnersGrid";
import { AsOf, CsvLink, TabError, TabSkeleton } from "./parts";

const PAGE_SIZE = 25;
const SEARCH_DELAY_MS = 300;

/** Every learner, sortable and searchable, and those at risk under a rule the instructor sets. */
export function LearnersTab({ courseId }: { courseId: string }) {
  const { t } = useLingui();
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
          <label htmlFor={`${id}-search`}>
            <Trans>Search learners</Trans>{" "}
          </label>
          <input
            id={`${id}-search`}
            type="search"
            value={text}
            placeholder={t`Name or email`}
            onChange={(e) => setText(e.target.value)}
          />
        </search>
        <fieldset className={s.filters}>
          <legend>
            <Trans>At risk</Trans>
          </legend>
          <label className={s.numberField}>
            <Trans>Inactive for</Trans>
            <input
              type="number"
              min={1}
              max={365}
              defaultValue={rule.inactiveDays}
              onChange={(e) => setNumber("inactiveDays", 365)(e.target.value)}
            />
            <Trans>days</Trans>
          </label>
          <label className={s.numberField}>
            <Trans>and below</Trans>
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
            <Trans>Only learners at risk</Trans>
          </label>
        </fieldset>
      </div>
      {learners.isPending ? (
        <TabSkeleton label={t`Loading the learners…`} />
      ) : learners.isError ? (
        <TabError what={t`the learners`} onRetry={() => learners.refetch()} />
      ) : (
        <>
          <p className={s.summary}>
            <LearnerCount total={learners.data.total} query={query} /> ·{" "}
            <Trans>
              <strong>{formatNumber(learners.data.atRiskTotal)}</strong> at risk (no activity for{" "}
              {settledRule.inactiveDays} days while under {settledRule.belowPercent} %)
            </Trans>{" "}
            · <CsvLink href={csv} what={t`the learners`} />
          </p>
          <div aria-busy={learners.isFetching}>
            {learners.data.learners.length === 0 ? (
              <p className={s.summary}>
                {query || atRiskOnly ? t`No learner matches these filters.` : t(EMPTY_ACTIVITY)}
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

/** "12 learners match “ada”", the count in bold: one message per case, plural by the count. */
function LearnerCount({ total, query }: { total: number; query: string }) {
  return query ? (
    <Plural
      value={total}
      one={
        <Trans>
          <strong>#</strong> learner matches “{query}”
        </Trans>
      }
      other={
        <Trans>
          <strong>#</strong> learners match “{query}”
        </Trans>
      }
    />
  ) : (
    <Plural
      value={total}
      one={
        <Trans>
          <strong>#</strong> learner
        </Trans>
      }
      other={
        <Trans>
          <strong>#</strong> learners
        </Trans>
      }
    />
  );
}
