import { randomUUID } from "node:crypto";
import { type WebhookEventType, webhookEndpoints } from "@lumen/db";
import { type Outbox, webhookFanOutJob } from "@lumen/jobs";
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Transaction } from "../kernel";

/** What happened, as the code that made it happen says it; `data` keys are snake_case. */
export interface WebhookEvent {
  type: WebhookEventType;
  /** Whose event it is: their own endpoints receive it. */
  userId: string;
  /** The course it is about: that course's endpoints receive it too. */
  courseId: string | null;
  data: Record<string, unknown>;
  /** When it happened; default now. */
  at?: Date;
}

/** A Standard Webhooks message id: unique per event, shared by its deliveries. */
export function newWebhookEventId(): string {
  return `evt_${randomUUID().replaceAll("-", "")}`;
}

/**
 * Sends webhook events through the outbox, in the caller's transaction: they go out if and only
 * if the change commits. One fan-out job for the whole list (a progress batch completing many
 * lessons costs one job), and none at all when no enabled endpoint could want them — one
 * indexed lookup, so the common case (nobody registered anything) writes no job row.
 */
export async function emitWebhookEvents(
  tx: Transaction,
  outbox: Outbox,
  events: readonly WebhookEvent[],
): Promise<void> {
  if (events.length === 0) return;
  const userIds = [...new Set(events.map((e) => e.userId))];
  const courseIds = [...new Set(events.flatMap((e) => (e.courseId ? [e.courseId] : [])))];
  const e = webhookEndpoints;
  const [listener] = await tx
    .select({ one: sql`1` })
    .from(e)
    .where(
      and(
        eq(e.enabled, true),
        or(
          and(inArray(e.userId, userIds), isNull(e.courseId)),
          courseIds.length > 0 ? inArray(e.courseId, courseIds) : undefined,
        ),
      ),
    )
    .limit(1);
  if (!listener) return;
  await outbox.enqueue(tx, webhookFanOutJob, {
    events: events.map((event) => ({
      eventId: newWebhookEventId(),
      type: event.type,
      timestamp: (event.at ?? new Date()).toISOString(),
      userId: event.userId,
      courseId: event.courseId,
      data: event.data,
    })),
  });
}

/** One event; see emitWebhookEvents. */
export function emitWebhookEvent(
  tx: Transaction,
  outbox: Outbox,
  event: WebhookEvent,
): Promise<void> {
  return emitWebhookEvents(tx, outbox, [event]);
}
