import type { MessageDescriptor } from "@lingui/core";
import { msg } from "@lingui/core/macro";
import type { inferOutput } from "@trpc/tanstack-react-query";
import type { BadgeTone } from "../../../components/ui/Badge";
import type { trpc } from "../../../lib/trpc";

export type WebhookEndpoint = inferOutput<typeof trpc.webhooks.list>[number];
export type WebhookEventType = WebhookEndpoint["events"][number];
export type WebhookDelivery = inferOutput<typeof trpc.webhooks.deliveries>["items"][number];
export type WebhookAttempt = inferOutput<typeof trpc.webhooks.attempts>[number];

// Labels are message descriptors, translated where shown (`t(label)`).

/** Every event an endpoint can subscribe to (typed: a new event type fails the build here). */
export const EVENT_TEXT: Record<
  WebhookEventType,
  { label: MessageDescriptor; hint: MessageDescriptor }
> = {
  "enrollment.created": {
    label: msg`Enrollment created`,
    hint: msg`Someone enrolls in a course.`,
  },
  "lesson.completed": { label: msg`Lesson completed`, hint: msg`A lesson is completed.` },
  "course.completed": { label: msg`Course completed`, hint: msg`Every required lesson is done.` },
  "certificate.issued": { label: msg`Certificate issued`, hint: msg`A certificate is signed.` },
  "certificate.revoked": { label: msg`Certificate revoked`, hint: msg`A certificate is revoked.` },
};
export const EVENT_TYPES = Object.keys(EVENT_TEXT) as WebhookEventType[];

const TEST_EVENT = msg`Test event`;

export function eventLabel(type: string): MessageDescriptor {
  return type in EVENT_TEXT ? EVENT_TEXT[type as WebhookEventType].label : TEST_EVENT;
}

export const DELIVERY_STATUS: Record<
  WebhookDelivery["status"],
  { label: MessageDescriptor; tone: BadgeTone }
> = {
  pending: { label: msg`Pending`, tone: "info" },
  succeeded: { label: msg`Delivered`, tone: "success" },
  failed: { label: msg`Failed`, tone: "danger" },
};

/** Whose events a list shows: the caller's own, or one course's they teach. */
export type Scope = { kind: "mine" } | { kind: "course"; courseId: string; title: string };
