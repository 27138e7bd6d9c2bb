/**
 * Emitting webhook events from the domain (enrollments, progress, certificates), apart from
 * managing endpoints (`webhooks`), which needs course access rules that themselves build on
 * enrollments: kept separate so that emitting depends on nothing but the outbox.
 */
export {
  emitWebhookEvent,
  emitWebhookEvents,
  newWebhookEventId,
  type WebhookEvent,
} from "./emit";
