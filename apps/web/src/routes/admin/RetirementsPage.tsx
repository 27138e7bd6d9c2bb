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

const STATE: Record<string, { label: string; tone: BadgeTone }> = {
  pending: { label: "Grace period", tone: "info" },
  cancelled: { label: "Cancelled", tone: "neutral" },
  running: { label: "Running", tone: "warning" },
  completed: { label: "Completed", tone: "success" },
};

/**
 * Admins: account retirements and how far each got (ADR 0027). Only states, steps and dates:
 * whose account it was is exactly what was erased, so the page never shows it.
 */
export function Component() {
  const session = useSession();
  const location = useLocation();
  useDocumentTitle("Account retirements");
  if (session.isPending) return <LoadingState />;
  if (!session.data) return <Navigate to={signInPath(location.pathname)} replace />;
  return (
    <>
      <div className={settings.heading}>
        <h1>Account retirements</h1>
        <p className="lede">Deletions users asked for, and where each one stands.</p>
      </div>
      {session.data.role === "admin" ? (
        <Retirements />
      ) : (
        <ErrorState title="Admins only" message="Only admins can see account retirements." />
      )}
    </>
  );
}

function Retirements() {
  const list = useQuery(trpc.privacy.retirements.queryOptions());
  if (list.isPending) return <LoadingState label="Loading retirements…" />;
  if (list.isError) {
    return (
      <ErrorState message="We could not load the retirements." onRetry={() => list.refetch()} />
    );
  }
  if (list.data.length === 0) {
    return (
      <EmptyState title="No retirements">
        <p>Nobody has asked for their account to be deleted.</p>
      </EmptyState>
    );
  }
  return (
    <div className={settings.tableScroll}>
      <table className={settings.table}>
        <caption className="visually-hidden">Account retirements, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Requested</th>
            <th scope="col">State</th>
            <th scope="col">Due</th>
            <th scope="col">Last step</th>
            <th scope="col">Attempts</th>
            <th scope="col">Last error</th>
          </tr>
        </thead>
        <tbody>
          {list.data.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <When iso={r.requestedAt} relative />
              </th>
              <td>
                <Badge tone={STATE[r.state]?.tone ?? "neutral"}>
                  {STATE[r.state]?.label ?? r.state}
                </Badge>
              </td>
              <td>
                <When iso={r.scheduledFor} />
              </td>
              <td>{r.step ?? "—"}</td>
              <td>{r.attempts}</td>
              <td>{r.lastError ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
