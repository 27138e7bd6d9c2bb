import { Trans, useLingui } from "@lingui/react/macro";
import { useQuery } from "@tanstack/react-query";
import { Navigate, useLocation } from "react-router";
import { EmptyState, ErrorState, LoadingState } from "../../components/states";
import { signInPath } from "../../lib/redirect";
import { useSession } from "../../lib/session";
import { trpc } from "../../lib/trpc";
import { useDocumentTitle } from "../../lib/use-document-title";
import { CookieStatement } from "./privacy/CookieStatement";
import { DeleteAccount } from "./privacy/DeleteAccount";
import { DownloadLinkNotice } from "./privacy/DownloadLinkNotice";
import { ExportTable } from "./privacy/ExportTable";
import s from "./privacy/privacy.module.css";
import { RequestExport } from "./privacy/RequestExport";
import { isPending } from "./privacy/view";
import { SettingsNav } from "./SettingsNav";
import settings from "./settings.module.css";

/** While an export is being prepared the list refreshes itself this often. */
const POLL_MS = 3000;

export function Component() {
  const session = useSession();
  const location = useLocation();
  const { t } = useLingui();
  useDocumentTitle(t`Privacy`);
  if (session.isPending) return <LoadingState />;
  // The query comes along: a download link's reason (`?download=`) is shown after sign-in.
  if (!session.data) {
    return <Navigate to={signInPath(location.pathname + location.search)} replace />;
  }
  return <Privacy />;
}

function Privacy() {
  const { t } = useLingui();
  const exports = useQuery({
    ...trpc.privacy.exports.queryOptions(),
    refetchInterval: (query) => (query.state.data?.some(isPending) ? POLL_MS : false),
  });
  const pending = exports.data?.some(isPending) ?? false;
  return (
    <>
      <div className={settings.heading}>
        <h1>
          <Trans>Privacy</Trans>
        </h1>
        <p className="lede">
          <Trans>
            Get a copy of everything Lumen holds about you, delete your account, and see how we use
            cookies.
          </Trans>
        </p>
      </div>
      <SettingsNav />
      <div className={s.layout}>
        <DownloadLinkNotice />
        <RequestExport disabled={pending || exports.isPending} />
        <section aria-labelledby="your-exports" className={s.layout}>
          <h2 id="your-exports" className={s.sectionTitle}>
            <Trans>Your exports</Trans>
          </h2>
          {exports.isPending ? (
            <LoadingState label={t`Loading your exports…`} />
          ) : exports.isError ? (
            <ErrorState
              message={t`We could not load your exports.`}
              onRetry={() => exports.refetch()}
            />
          ) : exports.data.length === 0 ? (
            <EmptyState title={t`No exports yet`}>
              <p>
                <Trans>Request one above; it is usually ready within a few minutes.</Trans>
              </p>
            </EmptyState>
          ) : (
            <ExportTable exports={exports.data} />
          )}
        </section>
        <DeleteAccount />
        <CookieStatement />
      </div>
    </>
  );
}
