import { Plural, Trans, useLingui } from "@lingui/react/macro";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { trpc } from "../../../lib/trpc";
import { When } from "../When";
import { DELIVERY_STATUS, eventLabel, type WebhookAttempt, type WebhookDelivery } from "./view";
import s from "./webhooks.module.css";

/** One delivery (a tbody of its own, so its attempts can open beneath it). */
export function DeliveryRow({
  delivery,
  mayManage,
  onRedelivered,
}: {
  delivery: WebhookDelivery;
  mayManage: boolean;
  onRedelivered: () => void;
}) {
  const { t } = useLingui();
  const id = useId();
  const [open, setOpen] = useState(false);
  const redeliver = useMutation(
    trpc.webhooks.redeliver.mutationOptions({ onSuccess: () => onRedelivered() }),
  );
  const status = DELIVERY_STATUS[delivery.status];
  return (
    <tbody>
      <tr>
        <th scope="row">
          {t(eventLabel(delivery.eventType))}{" "}
          <code className={s.eventCode} translate="no">
            {delivery.eventType}
          </code>
        </th>
        <td>
          <Badge tone={status.tone} dot>
            {t(status.label)}
          </Badge>
        </td>
        <td translate="no">{delivery.lastStatusCode ?? delivery.lastError ?? "—"}</td>
        <td>
          <Button
            size="small"
            variant="ghost"
            aria-expanded={open}
            aria-controls={`${id}-attempts`}
            onClick={() => setOpen((v) => !v)}
          >
            <Plural value={delivery.attempts} one="# attempt" other="# attempts" />
          </Button>
        </td>
        <td>
          <When iso={delivery.createdAt} relative />
        </td>
        <td>
          {mayManage && (
            <Button
              size="small"
              variant="ghost"
              disabled={redeliver.isPending}
              onClick={() => redeliver.mutate({ deliveryId: delivery.id })}
            >
              {redeliver.isSuccess ? <Trans>Redelivery queued</Trans> : <Trans>Redeliver</Trans>}
            </Button>
          )}
        </td>
      </tr>
      <tr id={`${id}-attempts`} hidden={!open}>
        <td colSpan={6} className={s.attemptsCell}>
          {open && <Attempts deliveryId={delivery.id} />}
        </td>
      </tr>
    </tbody>
  );
}

function Attempts({ deliveryId }: { deliveryId: string }) {
  const attempts = useQuery(trpc.webhooks.attempts.queryOptions({ deliveryId }, { staleTime: 0 }));
  if (attempts.isPending) {
    return (
      <p role="status">
        <Trans>Loading attempts…</Trans>
      </p>
    );
  }
  if (attempts.isError) {
    return (
      <p role="alert">
        <Trans>We could not load the attempts.</Trans>
      </p>
    );
  }
  if (attempts.data.length === 0) {
    return (
      <p className={s.muted}>
        <Trans>Not attempted yet.</Trans>
      </p>
    );
  }
  return (
    <ol className={s.attempts}>
      {attempts.data.map((a) => (
        <li key={a.id}>
          <span className={s.attemptHead}>
            <AttemptHead attempt={a} /> <When iso={a.attemptedAt} relative />
          </span>
          {a.error && (
            <span className={s.muted} translate="no">
              {a.error}
            </span>
          )}
          {a.responseExcerpt && (
            <pre className={s.excerpt} translate="no">
              {a.responseExcerpt}
            </pre>
          )}
        </li>
      ))}
    </ol>
  );
}

/** "Attempt 2 (manual): 500, 120 ms," — one sentence per variant, so each reads naturally. */
function AttemptHead({ attempt: a }: { attempt: WebhookAttempt }) {
  const number = a.attempt;
  const ms = a.durationMs;
  const code = a.statusCode;
  if (code === null) {
    return a.manual ? (
      <Trans>
        Attempt {number} (manual): no response, {ms} ms,
      </Trans>
    ) : (
      <Trans>
        Attempt {number}: no response, {ms} ms,
      </Trans>
    );
  }
  return a.manual ? (
    <Trans>
      Attempt {number} (manual): {code}, {ms} ms,
    </Trans>
  ) : (
    <Trans>
      Attempt {number}: {code}, {ms} ms,
    </Trans>
  );
}
