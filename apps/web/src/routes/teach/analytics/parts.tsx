import { Trans, useLingui } from "@lingui/react/macro";
import { type UseQueryResult, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useId, useState } from "react";
import { ErrorState } from "../../../components/states";
import { Button, linkButtonClass } from "../../../components/ui/Button";
import { intlLocale } from "../../../lib/i18n";
import { formatRelative } from "../../../lib/relative-time";
import { trpc } from "../../../lib/trpc";
import s from "./analytics.module.css";
import { EMPTY_ACTIVITY } from "./analytics-view";

/**
 * When the rollups behind the numbers last ran (relative, the exact time on hover), and a
 * refresh that refetches every read of the dashboard.
 */
export function AsOf({ asOf }: { asOf: string | null | undefined }) {
  const client = useQueryClient();
  // Formatted per render: the language can change while the page is open.
  const absolute = new Intl.DateTimeFormat(intlLocale(), {
    dateStyle: "medium",
    timeStyle: "long",
  });
  const [refreshing, setRefreshing] = useState(false);
  const refresh = async () => {
    setRefreshing(true);
    try {
      await client.invalidateQueries(trpc.analytics.pathFilter());
    } finally {
      setRefreshing(false);
    }
  };
  return (
    <p className={s.asOf}>
      {asOf ? (
        <span>
          <Trans>
            As of{" "}
            <time dateTime={asOf} title={absolute.format(new Date(asOf))}>
              {formatRelative(asOf)}
            </time>
          </Trans>
        </span>
      ) : (
        <span>
          <Trans>Not computed yet</Trans>
        </span>
      )}
      <Button variant="ghost" size="small" onClick={refresh} disabled={refreshing}>
        {refreshing ? <Trans>Refreshing…</Trans> : <Trans>Refresh</Trans>}
      </Button>
    </p>
  );
}

/**
 * A plain link the API streams as a file, with the filters the page shows. `what` names the
 * table ("the overview"), translated by the caller.
 */
export function CsvLink({ href, what }: { href: string; what: string }) {
  return (
    <a href={href} download className={linkButtonClass}>
      <Trans>
        Download CSV<span className="visually-hidden"> of {what}</span>
      </Trans>
    </a>
  );
}

export interface TableView {
  caption: string;
  columns: ReadonlyArray<{ label: string; numeric?: boolean }>;
  /** The first cell of each row is its header (scope="row"). */
  rows: ReadonlyArray<{ key: string; cells: ReadonlyArray<ReactNode>; flagged?: boolean }>;
}

export function DataTable({
  table,
  hiddenCaption = false,
}: {
  table: TableView;
  hiddenCaption?: boolean;
}) {
  return (
    <div className={s.tableScroll}>
      <table className={s.table}>
        <caption className={hiddenCaption ? "visually-hidden" : undefined}>{table.caption}</caption>
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th key={column.label} scope="col" className={column.numeric ? s.numeric : undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.key} className={row.flagged ? s.flagged : undefined}>
              {row.cells.map((cell, i) =>
                i === 0 ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional, like the columns
                  <th key={i} scope="row">
                    {cell}
                  </th>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional, like the columns
                  <td key={i} className={table.columns[i]?.numeric ? s.numeric : undefined}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Every chart: a figure named by its caption, a computed one-sentence summary, and a toggle
 * that shows the same numbers as a table instead of the drawing.
 */
export function ChartFigure({
  title,
  summary,
  table,
  actions,
  children,
}: {
  title: string;
  summary: string;
  table: TableView;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useLingui();
  const captionId = useId();
  const viewId = useId();
  const [asTable, setAsTable] = useState(false);
  return (
    <figure className={s.figure} aria-labelledby={captionId}>
      <div className={s.figureHead}>
        <figcaption id={captionId}>{title}</figcaption>
        <div className={s.figureActions}>
          {actions}
          <Button
            variant="ghost"
            size="small"
            aria-expanded={asTable}
            aria-controls={viewId}
            onClick={() => setAsTable(!asTable)}
          >
            {asTable ? t`Show as chart` : t`Show as table`}
          </Button>
        </div>
      </div>
      <p className={s.summary}>{summary}</p>
      <div id={viewId}>
        {asTable ? <DataTable table={table} /> : <div className={s.chart}>{children}</div>}
      </div>
    </figure>
  );
}

/**
 * One read of a tab in its states: a skeleton while it loads, an error with a retry, the empty
 * state when `empty(data)` says nothing happened yet, else `children(data)`.
 */
export function QueryStates<T, E>({
  query,
  what,
  empty,
  emptyTitle,
  children,
}: {
  query: UseQueryResult<T, E>;
  /** What is read, for the loading label and the error ("the lesson funnel"), translated. */
  what: string;
  empty?: (data: T) => boolean;
  emptyTitle?: string;
  children: (data: T) => ReactNode;
}) {
  const { t } = useLingui();
  if (query.isPending) return <TabSkeleton label={t`Loading ${what}…`} />;
  if (query.isError) return <TabError what={what} onRetry={() => query.refetch()} />;
  if (empty?.(query.data)) return <NoActivity title={emptyTitle} />;
  return children(query.data);
}

/** While a tab's first read is on its way: the shape of what is coming. */
export function TabSkeleton({ label }: { label: string }) {
  return (
    <div role="status" aria-label={label}>
      <div className={s.skeletonCards} />
      <div className={s.skeleton} style={{ marginTop: "var(--space-4)" }} />
    </div>
  );
}

export function TabError({ what, onRetry }: { what: string; onRetry: () => void }) {
  const { t } = useLingui();
  return (
    <ErrorState message={t`We couldn't load ${what}. Try again in a moment.`} onRetry={onRetry} />
  );
}

export function NoActivity({ title }: { title?: string | undefined }) {
  const { t } = useLingui();
  return (
    <div className={s.figure}>
      <h2>{title ?? t`No activity yet`}</h2>
      <p className={s.summary}>{t(EMPTY_ACTIVITY)}</p>
    </div>
  );
}

/** Colours with ≥ 3:1 against the surface in both themes (tokens.css notes the ratios). */
export const SERIES = {
  primary: "var(--color-primary)",
  danger: "var(--color-danger)",
  success: "var(--color-success)",
  warning: "var(--color-warning)",
  accent: "var(--color-accent-strong)",
  muted: "var(--color-border-strong)",
} as const;

/** The tooltip on the theme's surface (recharts draws it white on every theme otherwise). */
export const TOOLTIP = {
  contentStyle: {
    background: "var(--color-surface)",
    borderColor: "var(--color-border-strong)",
    color: "var(--color-text)",
  },
} as const;
