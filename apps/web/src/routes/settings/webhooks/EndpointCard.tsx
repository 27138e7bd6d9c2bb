import { Plural, Trans, useLingui } from "@lingui/react/macro";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { FormError } from "../../../components/ui/Field";
import { Panel } from "../../../components/ui/Panel";
import { intlLocale } from "../../../lib/i18n";
import { trpc } from "../../../lib/trpc";
import { ConfirmDialog } from "../ConfirmDialog";
import { SecretDialog } from "../SecretDialog";
import { DeliveryLog } from "./DeliveryLog";
import { EndpointForm } from "./EndpointForm";
import { eventLabel, type Scope, type WebhookEndpoint } from "./view";
import s from "./webhooks.module.css";

/** One endpoint: what it receives, whether it is on, its owner's actions and its log. */
export function EndpointCard({ endpoint, scope }: { endpoint: WebhookEndpoint; scope: Scope }) {
  const { t } = useLingui();
  const id = useId();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [showLog, setShowLog] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.webhooks.list.queryKey() });
  const toggle = useMutation(trpc.webhooks.update.mutationOptions({ onSuccess: refresh }));
  const reveal = useMutation(
    trpc.webhooks.revealSecret.mutationOptions({ onSuccess: (r) => setSecret(r.secret) }),
  );
  const remove = useMutation(trpc.webhooks.delete.mutationOptions({ onSuccess: refresh }));
  const failed = toggle.isError || reveal.isError;
  const events = new Intl.ListFormat(intlLocale(), { style: "short", type: "unit" }).format(
    endpoint.events.map((type) => t(eventLabel(type))),
  );
  const { url } = endpoint;
  if (editing) {
    return <EndpointForm scope={scope} endpoint={endpoint} onDone={() => setEditing(false)} />;
  }
  return (
    <Panel as="article" stack className={s.card} aria-labelledby={`${id}-url`}>
      <div className={s.cardHead}>
        <h3 id={`${id}-url`} className={s.url} translate="no">
          {endpoint.url}
        </h3>
        {endpoint.enabled ? (
          <Badge tone="success" dot>
            <Trans>Enabled</Trans>
          </Badge>
        ) : (
          <Badge tone="warning" dot>
            <Trans>Disabled</Trans>
          </Badge>
        )}
      </div>
      {endpoint.description && (
        <p className={s.description} translate="no">
          {endpoint.description}
        </p>
      )}
      {!endpoint.enabled && endpoint.disabledReason && (
        <p className={s.muted}>{endpoint.disabledReason}</p>
      )}
      {endpoint.enabled && endpoint.consecutiveFailures > 0 && (
        <p className={s.muted}>
          <Plural
            value={endpoint.consecutiveFailures}
            one="# failed delivery in a row."
            other="# failed deliveries in a row."
          />
        </p>
      )}
      <p className={s.muted}>
        <Trans>Events: {events}</Trans>
      </p>
      {failed && (
        <FormError>
          <Trans>That did not work. Check your connection and try again.</Trans>
        </FormError>
      )}
      <div className={s.actions}>
        <Button size="small" aria-expanded={showLog} onClick={() => setShowLog((v) => !v)}>
          {showLog ? <Trans>Hide deliveries</Trans> : <Trans>Show deliveries</Trans>}
        </Button>
        {endpoint.mayManage && (
          <>
            <Button size="small" variant="ghost" onClick={() => setEditing(true)}>
              <Trans>Edit</Trans>
            </Button>
            <Button
              size="small"
              variant="ghost"
              disabled={toggle.isPending}
              onClick={() => toggle.mutate({ endpointId: endpoint.id, enabled: !endpoint.enabled })}
            >
              {endpoint.enabled ? <Trans>Disable</Trans> : <Trans>Enable</Trans>}
            </Button>
            <Button
              size="small"
              variant="ghost"
              disabled={reveal.isPending}
              onClick={() => reveal.mutate({ endpointId: endpoint.id })}
            >
              <Trans>Reveal secret</Trans>
            </Button>
            <Button size="small" variant="ghost" onClick={() => setDeleting(true)}>
              <Trans>Delete</Trans>
            </Button>
          </>
        )}
      </div>
      {showLog && <DeliveryLog endpoint={endpoint} />}
      {secret && (
        <SecretDialog
          title={t`Signing secret`}
          label={t`Secret`}
          warning={t`Anyone with it can forge events from Lumen: keep it in your receiver's settings only.`}
          secret={secret}
          onClose={() => setSecret(null)}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={t`Delete this endpoint?`}
          confirmLabel={t`Delete endpoint`}
          pendingLabel={t`Deleting…`}
          failure={t`The endpoint was not deleted. Check your connection and try again.`}
          onConfirm={() => remove.mutateAsync({ endpointId: endpoint.id })}
          onClose={() => setDeleting(false)}
        >
          <p>
            <Trans>
              Events stop going to <code>{url}</code> and its delivery log is deleted.
            </Trans>
          </p>
        </ConfirmDialog>
      )}
    </Panel>
  );
}
