/**
 * Signed webhooks (ADR 0025): endpoints per user or per course, the events the domain emits
 * through the outbox, their fan-out into deliveries, and delivery with an SSRF guard, Standard
 * Webhooks signatures, retries with backoff and a log.
 */
export { ENDPOINT_NOT_FOUND } from "./access";
export { listWebhookAttempts, listWebhookDeliveries } from "./deliveries";
export {
  emitWebhookEvent,
  emitWebhookEvents,
  newWebhookEventId,
  type WebhookEvent,
} from "./events";
export {
  type CreateWebhookInput,
  createWebhookInput,
  type ListWebhooksInput,
  listWebhooksInput,
  type UpdateWebhookInput,
  updateWebhookInput,
  WEBHOOK_URL_MAX,
  webhookDeliveriesInput,
  webhookDeliveryIdInput,
  webhookEndpointIdInput,
  webhookUrl,
} from "./inputs";
export {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookEndpoints,
  MAX_ENDPOINTS_PER_OWNER,
  revealWebhookSecret,
  updateWebhookEndpoint,
} from "./manage";
export { redeliverWebhook, sendWebhookTest } from "./sends";
export type {
  CreatedWebhookEndpoint,
  WebhookAttemptView,
  WebhookDeliveryPage,
  WebhookDeliveryView,
  WebhookEndpointView,
  WebhookPolicy,
} from "./types";
