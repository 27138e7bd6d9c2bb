import { useMutation, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { trpc } from "../../../lib/trpc";
import { When } from "../When";
import { DELIVERY_STATUS, eventLabel, type WebhookDelivery } from "./view";
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
          {eventLabel(delivery.eventType)} <code className={s.eventCode}>{delivery.eventType}</code>
        </th>
        <td>
          <Badge tone={status.tone} dot>
            {status.label}
          </Badge>
        </td>
        <td>{delivery.lastStatusCode ?? delivery.lastError ?? "—"}</td>
        <td>
          <Button
            size="small"
            variant="ghost"
            aria-expanded={open}
            aria-controls={`${id}-attempts`}
            onClick={() => setOpen((v) => !v)}
          >
            {delivery.attempts} {delivery.attempts === 1 ? "attempt" : "attempts"}
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
              {redeliver.isSuccess ? "Redelivery queued" : "Redeliver"}
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
  if (attempts.isPending) return <p role="status">Loading attempts…</p>;
  if (attempts.isError) return <p role="alert">We could not load the attempts.</p>;
  if (attempts.data.length === 0) return <p className={s.muted}>Not attempted yet.</p>;
  return (
    <ol className={s.attempts}>
      {attempts.data.map((a) => (
        <li key={a.id}>
          <span className={s.attemptHead}>
            Attempt {a.attempt}
            {a.manual ? " (manual)" : ""}: {a.statusCode ?? "no response"}, {a.durationMs} ms,{" "}
            <When iso={a.attemptedAt} relative />
          </span>
          {a.error && <span className={s.muted}>{a.error}</span>}
          {a.responseExcerpt && <pre className={s.excerpt}>{a.responseExcerpt}</pre>}
        </li>
      ))}
    </ol>
  );
}
