import { WEBHOOK_EVENT_TYPES } from "@lumen/db";
import { z } from "zod";
import { id, singleLine } from "../kernel";

/** Longest URL an endpoint may have (what browsers and proxies reliably carry). */
export const WEBHOOK_URL_MAX = 2048;

/**
 * An endpoint URL: http(s) only, no credentials in it (they would be logged and shown in the
 * list), at most 2048 characters. Whether plain http is allowed depends on the deployment
 * (production: https only); that is checked by the service, which knows the policy.
 */
export const webhookUrl = singleLine({ label: "URL", max: WEBHOOK_URL_MAX })
  .min(1, "Enter the URL to send events to.")
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({
        code: "custom",
        message: "Enter a full URL, like https://example.com/hooks.",
      });
      return;
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") {
      ctx.addIssue({ code: "custom", message: "The URL must start with https:// (or http://)." });
    }
    if (url.username || url.password) {
      ctx.addIssue({
        code: "custom",
        message: "Remove the user name and password from the URL; verify our signature instead.",
      });
    }
  });

const events = z
  .array(z.enum(WEBHOOK_EVENT_TYPES, { error: "Unknown event type." }))
  .min(1, "Choose at least one event.")
  .transform((list) => [...new Set(list)]);

const description = singleLine({ label: "Description", max: 200 });

export const listWebhooksInput = z
  .object({ courseId: id("courseId").optional() })
  .optional()
  .transform((input) => input ?? {});
export type ListWebhooksInput = z.output<typeof listWebhooksInput>;

export const createWebhookInput = z.object({
  url: webhookUrl,
  description: description.default(""),
  events,
  /** A course's endpoint (the caller edits the course); absent: the caller's own events. */
  courseId: id("courseId").optional(),
});
export type CreateWebhookInput = z.output<typeof createWebhookInput>;

export const updateWebhookInput = z.object({
  endpointId: id("endpointId"),
  url: webhookUrl.optional(),
  description: description.optional(),
  events: events.optional(),
  enabled: z.boolean().optional(),
});
export type UpdateWebhookInput = z.output<typeof updateWebhookInput>;

export const webhookEndpointIdInput = z.object({ endpointId: id("endpointId") });
export type WebhookEndpointIdInput = z.output<typeof webhookEndpointIdInput>;

export const webhookDeliveriesInput = z.object({
  endpointId: id("endpointId"),
  /** The nextCursor of the previous page. */
  cursor: singleLine({ label: "Cursor", max: 200 }).nullish(),
});
export type WebhookDeliveriesInput = z.output<typeof webhookDeliveriesInput>;

export const webhookDeliveryIdInput = z.object({ deliveryId: id("deliveryId") });
export type WebhookDeliveryIdInput = z.output<typeof webhookDeliveryIdInput>;
