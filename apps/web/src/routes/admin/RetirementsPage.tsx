import type { MessageDescriptor } from "@lingui/core";
import { msg } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
import { useQuery } from "@tanstack/react-query";
import { Navigate, useLocation } from "react-router";
import { EmptyState, ErrorState, LoadingState } from "../../components/states";
import { Badge, type BadgeTone } from "../../components/ui/Badge";
import { signInPath } from "../../lib/redirect";
import { useSession } from "../../lib/session";
import { trpc } from "../../lib/trpc";
import { useDocumentTitle } from "../../lib/use-document-title";
import settings from "../settings/settings.module.css";
import { When } from "../settings/When";

// Labels are message descriptors, translated where shown (`t(label)`).
const STATE: Record<string, { label: MessageDescriptor; tone: BadgeTone }> = {
  pending: { label: msg`Grace period`, tone: "info" },
  cancelled: { label: msg`Cancelled`, tone: "neutral" },
  running: { label: msg`Running`, tone: "warning" },
  completed: { label: msg`Completed`, tone: "success" },
};

/**
 * Admins: account retirements and how far each got (ADR 0027). Only states, steps and dates:
 * whose account it was is exactly what was erased, so the page never shows it.
 */
export function Component() {
  const session = useSession();
  const location = useLocation();
  const { t } = useLingui();
  useDocumentTitle(t`Account retirements`);
  if (session.isPending) return <LoadingState />;
  if (!session.data) return <Navigate to={signInPath(location.pathname)} replace />;
  return (
    <>
      <div className={settings.heading}>
        <h1>
          <Trans>Account retirements</Trans>
        </h1>
        <p className="lede">
          <Trans>Deletions users asked for, and where each one stands.</Trans>
        </p>
      </div>
      {session.data.role === "admin" ? (
        <Retirements />
      ) : (
        <ErrorState title={t`Admins only`} message={t`Only admins can see account retirements.`} />
      )}
    </>
  );
}

function Retirements() {
  const { t } = useLingui();
  const list = useQuery(trpc.privacy.retirements.queryOptions());
  if (list.isPending) return <LoadingState label={t`Loading retirements…`} />;
  if (list.isError) {
    return (
      <ErrorState message={t`We could not load the retirements.`} onRetry={() => list.refetch()} />
    );
  }
  if (list.data.length === 0) {
    return (
      <EmptyState title={t`No retirements`}>
        <p>
          <Trans>Nobody has asked for their account to be deleted.</Trans>
        </p>
      </EmptyState>
    );
  }
  return (
    <div className={settings.tableScroll}>
      <table className={settings.table}>
        <caption className="visually-hidden">
          <Trans>Account retirements, newest first</Trans>
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <Trans>Requested</Trans>
            </th>
            <th scope="col">
              <Trans>State</Trans>
            </th>
            <th scope="col">
              <Trans>Due</Trans>
            </th>
            <th scope="col">
              <Trans>Last step</Trans>
            </th>
            <th scope="col">
              <Trans>Attempts</Trans>
            </th>
            <th scope="col">
              <Trans>Last error</Trans>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.data.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <When iso={r.requestedAt} relative />
              </th>
              <td>
                <StateBadge state={r.state} />
              </td>
              <td>
                <When iso={r.scheduledFor} />
              </td>
              {/* Step names and errors are the job's own technical words, not UI text. */}
              <td translate="no">{r.step ?? "—"}</td>
              <td>{r.attempts}</td>
              <td translate="no">{r.lastError ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function StateBadge({ state }: { state: string }) {
  const { t } = useLingui();
  const known = STATE[state];
  // A state this page does not know yet shows its raw name, a technical token.
  if (!known) return <Badge tone="neutral">{state}</Badge>;
  return <Badge tone={known.tone}>{t(known.label)}</Badge>;
}
