import { type Database, notifications } from "@lumen/db";
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { SessionUser } from "../kernel";
import type { LiveHub } from "../live";

/**
 * What the bell hears: "ready" once the subscription listens (after a reconnect, re-read once),
 * a new notification (its id; the content is read through the list), or "resync" when
 * something may have been missed and the bell should re-read once.
 */
export type NotificationLiveEvent =
  | { type: "ready" }
  | { type: "notification"; id: string }
  | { type: "resync" };

/** One event with the id a reconnecting client sends back as its last event id. */
export interface TrackedNotificationEvent {
  eventId: string;
  event: NotificationLiveEvent;
}

/** A catch-up longer than this is one "resync" (re-read the list) rather than many events. */
const MAX_CATCH_UP = 50;
/**
 * created_at is the writing transaction's start: one that began a little before the last
 * event seen may commit after it. Catch-up looks back this far; a repeat is harmless (the
 * bell re-reads), a miss is not.
 */
const LOOK_BACK = sql`interval '30 seconds'`;

const uuid = z.uuid();

/**
 * The signed-in user's live notification events. With `lastEventId` (a reconnecting client),
 * first what was created since that event (or "resync" when that id is not a notification of
 * theirs), then live ones as they commit; when the process lost its database listener for a
 * while, a "resync".
 */
export async function* notificationEvents({
  db,
  hub,
  user,
  lastEventId,
  signal,
}: {
  db: Database;
  hub: LiveHub;
  user: SessionUser;
  lastEventId: string | null;
  signal?: AbortSignal;
}): AsyncGenerator<TrackedNotificationEvent> {
  // Subscribe before reading, so nothing committed in between falls through the gap.
  const stream = hub.stream(`user:${user.id}`, signal)[Symbol.asyncIterator]();
  let resyncs = 0;
  const resync = (): TrackedNotificationEvent => ({
    eventId: `resync-${Date.now()}-${++resyncs}`,
    event: { type: "resync" },
  });
  try {
    await hub.ready;
    // Its id keeps the client's place: on a reconnect it comes back as `lastEventId`.
    yield { eventId: lastEventId ?? `ready-${Date.now()}`, event: { type: "ready" } };
    if (lastEventId !== null) {
      const missed = await missedSince(db, user.id, lastEventId);
      if (missed === null || missed.length > MAX_CATCH_UP) yield resync();
      else for (const id of missed) yield { eventId: id, event: { type: "notification", id } };
    }
    for (;;) {
      const next = await stream.next();
      if (next.done) return;
      const signalled = next.value;
      if (signalled.kind === "resync") yield resync();
      else if (signalled.event.type === "notification" && signalled.event.id) {
        const { id } = signalled.event;
        yield { eventId: id, event: { type: "notification", id } };
      }
    }
  } finally {
    await stream.return?.();
  }
}

/** Ids of the user's notifications since `lastEventId`; null when that id means nothing. */
async function missedSince(db: Database, userId: string, lastEventId: string) {
  const last = uuid.safeParse(lastEventId);
  if (!last.success) return null;
  const [seen] = await db
    .select({ createdAt: notifications.createdAt })
    .from(notifications)
    .where(and(eq(notifications.id, last.data), eq(notifications.userId, userId)));
  if (!seen) return null;
  const rows = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        sql`${notifications.createdAt} > (select n.created_at from ${notifications} n where n.id = ${last.data}) - ${LOOK_BACK}`,
        sql`${notifications.id} <> ${last.data}`,
      ),
    )
    .orderBy(asc(notifications.createdAt), asc(notifications.id))
    .limit(MAX_CATCH_UP + 1);
  return rows.map((r) => r.id);
}
