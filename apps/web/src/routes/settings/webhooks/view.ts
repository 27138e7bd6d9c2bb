import type { inferOutput } from "@trpc/tanstack-react-query";
import type { BadgeTone } from "../../../components/ui/Badge";
import type { trpc } from "../../../lib/trpc";

export type WebhookEndpoint = inferOutput<typeof trpc.webhooks.list>[number];
export type WebhookEventType = WebhookEndpoint["events"][number];
export type WebhookDelivery = inferOutput<typeof trpc.webhooks.deliveries>["items"][number];
export type WebhookAttempt = inferOutput<typeof trpc.webhooks.attempts>[number];

/** Every event an endpoint can subscribe to (typed: a new event type fails the build here). */
export const EVENT_TEXT: Record<WebhookEventType, { label: string; hint: string }> = {
  "enrollment.created": { label: "Enrollment created", hint: "Someone enrolls in a course." },
  "lesson.completed": { label: "Lesson completed", hint: "A lesson is completed." },
  "course.completed": { label: "Course completed", hint: "Every required lesson is done." },
  "certificate.issued": { label: "Certificate issued", hint: "A certificate is signed." },
  "certificate.revoked": { label: "Certificate revoked", hint: "A certificate is revoked." },
};
export const EVENT_TYPES = Object.keys(EVENT_TEXT) as WebhookEventType[];

export function eventLabel(type: string): string {
  return type in EVENT_TEXT ? EVENT_TEXT[type as WebhookEventType].label : "Test event";
}

export const DELIVERY_STATUS: Record<
  WebhookDelivery["status"],
  { label: string; tone: BadgeTone }
> = {
  pending: { label: "Pending", tone: "info" },
  succeeded: { label: "Delivered", tone: "success" },
  failed: { label: "Failed", tone: "danger" },
};

/** Whose events a list shows: the caller's own, or one course's they teach. */
export type Scope = { kind: "mine" } | { kind: "course"; courseId: string; title: string };
