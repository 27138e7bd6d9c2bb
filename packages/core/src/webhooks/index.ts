/**
 * Signed webhooks (ADR 0025): endpoints per user or per course, the events the domain emits
 * through the outbox, their fan-out into deliveries, and delivery with an SSRF guard, Standard
 * Webhooks signatures, retries with backoff and a log.
 */

export {
  emitWebhookEvent,
  emitWebhookEvents,
  newWebhookEventId,
  type WebhookEvent,
} from "../webhook-events";
export { ENDPOINT_NOT_FOUND } from "./access";
export { type DeliverDeps, type DeliverJob, type DeliverOutcome, deliverWebhook } from "./deliver";
export { listWebhookAttempts, listWebhookDeliveries } from "./deliveries";
export { fanOutWebhookEvents, type QueuedWebhookEvent } from "./fan-out";
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
export { DISABLE_AFTER_FAILURES, MAX_DELIVERY_ATTEMPTS, retryDelayMs } from "./schedule";
export {
  createWebhookSender,
  DELIVERY_TIMEOUT_MS,
  RESPONSE_EXCERPT_BYTES,
  type WebhookRequest,
  type WebhookResponse,
  type WebhookSender,
} from "./sender";
export { redeliverWebhook, sendWebhookTest } from "./sends";
export {
  forbiddenAddressKind,
  type HostResolver,
  type ResolvedAddress,
  resolveWebhookTarget,
  systemResolver,
  WebhookTargetRefused,
} from "./target";
export type {
  CreatedWebhookEndpoint,
  WebhookAttemptView,
  WebhookDeliveryPage,
  WebhookDeliveryView,
  WebhookEndpointView,
  WebhookPolicy,
} from "./types";
