import {
  createWebhookSender,
  deliverWebhook,
  fanOutWebhookEvents,
  type WebhookSender,
} from "@lumen/core/webhooks";
import type { Database } from "@lumen/db";
import { deliverWebhookJob, handleJob, type Outbox, webhookFanOutJob } from "@lumen/jobs";
import type { ApiEnv } from "../env";
import type { Logger } from "../logger";

/** Serves webhooks.fan-out: an event batch becomes one delivery per subscribed endpoint. */
export function webhookFanOutHandler({
  db,
  outbox,
  logger,
}: {
  db: Database;
  outbox: Outbox;
  logger: Pick<Logger, "info">;
}) {
  return handleJob(webhookFanOutJob, async ({ events }) => {
    const deliveries = await fanOutWebhookEvents({ db, outbox, events });
    logger.info("webhook events fanned out", { events: events.length, deliveries });
  });
}

/**
 * Serves webhooks.deliver through the SSRF-guarded sender (private targets only where the env
 * allows them: development, test, or WEBHOOKS_ALLOW_PRIVATE_TARGETS). Never logs the URL's
 * query or the payload: both can carry the integrator's data.
 */
export function deliverWebhookHandler({
  db,
  outbox,
  env,
  logger,
  send,
}: {
  db: Database;
  outbox: Outbox;
  env: Pick<ApiEnv, "WEBHOOKS_ALLOW_PRIVATE_TARGETS">;
  logger: Pick<Logger, "info">;
  /** Default: the real sender. */
  send?: WebhookSender;
}) {
  const sender =
    send ?? createWebhookSender({ allowPrivateTargets: env.WEBHOOKS_ALLOW_PRIVATE_TARGETS });
  return handleJob(deliverWebhookJob, async (payload) => {
    const outcome = await deliverWebhook({ db, outbox, send: sender }, payload);
    logger.info("webhook delivery attempted", { deliveryId: payload.deliveryId, ...outcome });
  });
}
