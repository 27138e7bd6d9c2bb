import { Trans, useLingui } from "@lingui/react/macro";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { stateStyles } from "../../../components/states";
import { Button } from "../../../components/ui/Button";
import { FormError } from "../../../components/ui/Field";
import { trpc } from "../../../lib/trpc";
import settings from "../settings.module.css";
import { DeliveryRow } from "./DeliveryRow";
import type { WebhookEndpoint } from "./view";
import s from "./webhooks.module.css";

/** While a delivery is pending, the log re-reads itself this often to show how it ended. */
const PENDING_REFRESH_MS = 2_000;
/** How long the log waits for a redelivery's attempt to show before leaving it to Refresh. */
const REDELIVERY_WATCH_MS = 60_000;

/** A redelivered delivery is not pending: the log watches it until its attempt count moves. */
interface Watch {
  deliveryId: string;
  attempts: number;
  until: number;
}

/** An endpoint's deliveries, newest first, a page at a time; sends a test event on demand. */
export function DeliveryLog({ endpoint }: { endpoint: WebhookEndpoint }) {
  const { t } = useLingui();
  const queryClient = useQueryClient();
  const [announce, setAnnounce] = useState("");
  const [watch, setWatch] = useState<Watch | null>(null);
  const log = useInfiniteQuery(
    trpc.webhooks.deliveries.infiniteQueryOptions(
      { endpointId: endpoint.id },
      {
        getNextPageParam: (page) => page.nextCursor ?? undefined,
        staleTime: 0,
        refetchInterval: (query) => {
          const items = query.state.data?.pages.flatMap((p) => p.items) ?? [];
          const pending = items.some((d) => d.status === "pending");
          const watched = watch && items.find((d) => d.id === watch.deliveryId);
          const waiting = watched && watched.attempts <= watch.attempts && Date.now() < watch.until;
          return pending || waiting ? PENDING_REFRESH_MS : false;
        },
      },
    ),
  );
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.webhooks.deliveries.pathKey() });
  const sendTest = useMutation(
    trpc.webhooks.sendTest.mutationOptions({
      onSuccess: async () => {
        setAnnounce(t`Test event sent.`);
        await refresh();
      },
    }),
  );
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];
  const { url } = endpoint;
  return (
    <section className={s.log} aria-label={t`Deliveries to ${url}`}>
      <div className={s.actions}>
        {endpoint.mayManage && (
          <Button
            size="small"
            disabled={sendTest.isPending}
            onClick={() => sendTest.mutate({ endpointId: endpoint.id })}
          >
            <Trans>Send test event</Trans>
          </Button>
        )}
        <Button size="small" variant="ghost" onClick={() => log.refetch()}>
          <Trans>Refresh</Trans>
        </Button>
        <span role="status" className={s.muted}>
          {announce}
        </span>
      </div>
      {sendTest.isError && <FormError>{sendTest.error.message}</FormError>}
      {log.isPending ? (
        <p className={stateStyles.state} role="status">
          <Trans>Loading deliveries…</Trans>
        </p>
      ) : log.isError ? (
        <div role="alert">
          <p>
            <Trans>We could not load the deliveries.</Trans>
          </p>
          <Button size="small" onClick={() => log.refetch()}>
            <Trans>Try again</Trans>
          </Button>
        </div>
      ) : items.length === 0 ? (
        <p className={s.muted}>
          <Trans>No deliveries yet.</Trans>
        </p>
      ) : (
        <div className={settings.tableScroll}>
          <table className={settings.table}>
            <caption className="visually-hidden">
              <Trans>Deliveries to {url}</Trans>
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <Trans>Event</Trans>
                </th>
                <th scope="col">
                  <Trans>Status</Trans>
                </th>
                <th scope="col">
                  <Trans>Response</Trans>
                </th>
                <th scope="col">
                  <Trans>Attempts</Trans>
                </th>
                <th scope="col">
                  <Trans>Sent</Trans>
                </th>
                <th scope="col">
                  <span className="visually-hidden">
                    <Trans>Actions</Trans>
                  </span>
                </th>
              </tr>
            </thead>
            {items.map((delivery) => (
              <DeliveryRow
                key={delivery.id}
                delivery={delivery}
                mayManage={endpoint.mayManage}
                onRedelivered={() => {
                  setWatch({
                    deliveryId: delivery.id,
                    attempts: delivery.attempts,
                    until: Date.now() + REDELIVERY_WATCH_MS,
                  });
                  void refresh();
                }}
              />
            ))}
          </table>
        </div>
      )}
      {log.hasNextPage && (
        <Button
          size="small"
          variant="ghost"
          disabled={log.isFetchingNextPage}
          onClick={() => log.fetchNextPage()}
        >
          {log.isFetchingNextPage ? <Trans>Loading…</Trans> : <Trans>Older deliveries</Trans>}
        </Button>
      )}
    </section>
  );
}
