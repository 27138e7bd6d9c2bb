import type { WebhookDeliveryType, WebhookEventType } from "@lumen/db";

/** An endpoint as its list shows it; the secret is only ever given by revealSecret. */
export interface WebhookEndpointView {
  id: string;
  url: string;
  description: string;
  events: WebhookEventType[];
  enabled: boolean;
  disabledReason: string | null;
  consecutiveFailures: number;
  courseId: string | null;
  createdAt: Date;
  /** The caller owns it: may change, delete, reveal its secret, redeliver and send tests. */
  mayManage: boolean;
}

export interface CreatedWebhookEndpoint {
  endpoint: WebhookEndpointView;
  /** The signing secret, also available later through revealSecret (owner only). */
  secret: string;
}

export interface WebhookDeliveryView {
  id: string;
  eventId: string;
  eventType: WebhookDeliveryType;
  status: "pending" | "succeeded" | "failed";
  /** Attempts made so far, manual ones included. */
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: Date;
  completedAt: Date | null;
  /** When the next scheduled attempt runs; null when none is scheduled. */
  nextAttemptAt: Date | null;
}

export interface WebhookDeliveryPage {
  items: WebhookDeliveryView[];
  nextCursor: string | null;
}

export interface WebhookAttemptView {
  id: string;
  attempt: number;
  manual: boolean;
  statusCode: number | null;
  error: string | null;
  responseExcerpt: string | null;
  durationMs: number;
  attemptedAt: Date;
}

/** Deployment rules for endpoint URLs (the API derives them from its env). */
export interface WebhookPolicy {
  /** Production: only https URLs may be registered. */
  httpsOnly: boolean;
}
