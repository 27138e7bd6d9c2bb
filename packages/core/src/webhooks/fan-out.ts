import {
  courses,
  users,
  type WebhookEventType,
  webhookDeliveries,
  webhookEndpoints,
} from "@lumen/db";
import { deliverWebhookJob, type Outbox } from "@lumen/jobs";
import { and, arrayContains, eq, isNull, or, sql } from "drizzle-orm";
import { isCourseInstructor } from "../access";
import type { Database } from "../kernel";

/** An event as the fan-out job carries it. */
export interface QueuedWebhookEvent {
  eventId: string;
  type: string;
  timestamp: string;
  userId: string;
  courseId: string | null;
  data: Record<string, unknown>;
}

/**
 * Turns events into deliveries, in one transaction: for each event, every enabled endpoint
 * subscribed to its type among the user's own endpoints and the course's endpoints whose owner
 * still edits the course (an instructor removed from it stops receiving its learners' events,
 * as an admin demoted does). The
 * (endpoint, event) pair is unique, so a repeated job inserts nothing and enqueues nothing.
 * Returns how many deliveries were created.
 */
export async function fanOutWebhookEvents({
  db,
  outbox,
  events,
}: {
  db: Database;
  outbox: Outbox;
  events: readonly QueuedWebhookEvent[];
}): Promise<number> {
  return db.transaction(async (tx) => {
    let created = 0;
    for (const event of events) {
      const type = event.type as WebhookEventType;
      const e = webhookEndpoints;
      const courseEditor = sql`(${users.role} = 'admin'
        or (${users.role} = 'instructor' and ${isCourseInstructor(e.userId)}))`;
      const targets = await tx
        .select({ id: e.id })
        .from(e)
        .innerJoin(users, eq(users.id, e.userId))
        .leftJoin(courses, eq(courses.id, e.courseId))
        .where(
          and(
            eq(e.enabled, true),
            arrayContains(e.events, [type]),
            or(
              and(eq(e.userId, event.userId), isNull(e.courseId)),
              event.courseId ? and(eq(e.courseId, event.courseId), courseEditor) : undefined,
            ),
          ),
        );
      if (targets.length === 0) continue;
      const payload = { type: event.type, timestamp: event.timestamp, data: event.data };
      const inserted = await tx
        .insert(webhookDeliveries)
        .values(
          targets.map((t) => ({
            endpointId: t.id,
            eventId: event.eventId,
            eventType: type,
            payload,
          })),
        )
        .onConflictDoNothing({
          target: [webhookDeliveries.endpointId, webhookDeliveries.eventId],
        })
        .returning({ id: webhookDeliveries.id });
      for (const row of inserted) {
        await outbox.enqueue(tx, deliverWebhookJob, { deliveryId: row.id, attempt: 1 });
      }
      created += inserted.length;
    }
    return created;
  });
}
