import { type Database, WEBHOOK_TEST_EVENT, webhookDeliveries } from "@lumen/db";
import { deliverWebhookJob, type Outbox } from "@lumen/jobs";
import type { SessionUser } from "../kernel";
import { newWebhookEventId } from "../webhook-events";
import { loadEndpoint } from "./access";
import { loadDelivery } from "./deliveries";

/**
 * Sends a delivery again now, as a manual attempt (same message id, so a receiver that
 * already processed it can tell). Works for failed deliveries too, and on a disabled
 * endpoint (to check that the receiver is fixed before turning it back on).
 */
export async function redeliverWebhook({
  db,
  user,
  outbox,
  input,
}: {
  db: Database;
  user: SessionUser;
  outbox: Outbox;
  input: { deliveryId: string };
}): Promise<{ deliveryId: string }> {
  const { delivery } = await loadDelivery(db, user, input.deliveryId, { manage: true });
  await db.transaction((tx) =>
    outbox.enqueue(tx, deliverWebhookJob, { deliveryId: delivery.id, manual: true }),
  );
  return { deliveryId: delivery.id };
}

/**
 * Sends a `webhook.test` event to one endpoint now (whatever it subscribes to), so its owner
 * can check their receiver and signature code. A manual send: no retries.
 */
export async function sendWebhookTest({
  db,
  user,
  outbox,
  input,
}: {
  db: Database;
  user: SessionUser;
  outbox: Outbox;
  input: { endpointId: string };
}): Promise<{ deliveryId: string; eventId: string }> {
  const endpoint = await loadEndpoint(db, user, input.endpointId, { manage: true });
  const eventId = newWebhookEventId();
  const payload = {
    type: WEBHOOK_TEST_EVENT,
    timestamp: new Date().toISOString(),
    data: { endpoint_id: endpoint.id, message: "A test event from Lumen." },
  };
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(webhookDeliveries)
      .values({ endpointId: endpoint.id, eventId, eventType: WEBHOOK_TEST_EVENT, payload })
      .returning({ id: webhookDeliveries.id });
    if (!row) throw new Error("test delivery insert returned nothing");
    await outbox.enqueue(tx, deliverWebhookJob, { deliveryId: row.id, manual: true });
    return { deliveryId: row.id, eventId };
  });
}
