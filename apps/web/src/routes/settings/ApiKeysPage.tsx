import { Trans, useLingui } from "@lingui/react/macro";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Navigate, useLocation } from "react-router";
import { EmptyState, ErrorState, LoadingState } from "../../components/states";
import { signInPath } from "../../lib/redirect";
import { useSession } from "../../lib/session";
import { trpc } from "../../lib/trpc";
import { useDocumentTitle } from "../../lib/use-document-title";
import { ApiUsage } from "./api-keys/ApiUsage";
import s from "./api-keys/api-keys.module.css";
import { CreateKeyForm } from "./api-keys/CreateKeyForm";
import { KeyTable } from "./api-keys/KeyTable";
import { RevokeKeyDialog } from "./api-keys/RevokeKeyDialog";
import type { ApiKey } from "./api-keys/view";
import { SecretDialog } from "./SecretDialog";
import { SettingsNav } from "./SettingsNav";
import settings from "./settings.module.css";

export function Component() {
  const session = useSession();
  const location = useLocation();
  const { t } = useLingui();
  useDocumentTitle(t`API keys`);
  if (session.isPending) return <LoadingState />;
  if (!session.data) return <Navigate to={signInPath(location.pathname)} replace />;
  return <ApiKeys />;
}

function ApiKeys() {
  const { t } = useLingui();
  const keys = useQuery(trpc.apiKeys.list.queryOptions());
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const createdName = created?.name;
  return (
    <>
      <div className={settings.heading}>
        <h1>
          <Trans>API keys</Trans>
        </h1>
        <p className="lede">
          <Trans>
            Keys let your own programs call the Lumen API as you: read your courses and progress, or
            also enroll and record progress.
          </Trans>
        </p>
      </div>
      <SettingsNav />
      <div className={s.layout}>
        <CreateKeyForm onCreated={setCreated} />
        <section aria-labelledby="your-keys" className={s.layout}>
          <h2 id="your-keys" className={s.sectionTitle}>
            <Trans>Your keys</Trans>
          </h2>
          {keys.isPending ? (
            <LoadingState label={t`Loading your keys…`} />
          ) : keys.isError ? (
            <ErrorState
              message={t`We could not load your API keys.`}
              onRetry={() => keys.refetch()}
            />
          ) : keys.data.length === 0 ? (
            <EmptyState title={t`No keys yet`}>
              <p>
                <Trans>Create one above to call the API from a script or another system.</Trans>
              </p>
            </EmptyState>
          ) : (
            <KeyTable keys={keys.data} onRevoke={setRevoking} />
          )}
        </section>
        <ApiUsage />
      </div>
      {created && (
        <SecretDialog
          title={t`Your new key “${createdName}”`}
          label={t`API key`}
          warning={t`Copy it now and keep it somewhere safe: you will not see it again.`}
          secret={created.token}
          onClose={() => setCreated(null)}
        />
      )}
      {revoking && <RevokeKeyDialog apiKey={revoking} onClose={() => setRevoking(null)} />}
    </>
  );
}
