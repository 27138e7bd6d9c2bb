import { sql } from "drizzle-orm";
import type { Queryable } from "../kernel";

/** The one Postgres channel live events travel on (LISTEN/NOTIFY); the API fans them out. */
export const LIVE_CHANNEL = "lumen_live";

/**
 * Who an event is for: one user's bell, everyone with one forum thread open, or every API
 * process (`api-keys`: a key was revoked, drop it from memory).
 */
export type LiveTopic = `user:${string}` | `thread:${string}` | "api-keys";

/**
 * A live event: a small pointer (a type and ids), never the content itself, so a
 * subscriber reads what changed through the ordinary, authorized read paths, and the
 * payload stays far below NOTIFY's 8,000-byte limit.
 */
export interface LiveEvent {
  type: string;
  id?: string;
}

/**
 * Announces `event` to `topic`'s subscribers. Inside a transaction, Postgres delivers it
 * only when (and if) the transaction commits, so nobody hears of a write that rolled back.
 */
export async function publishLive(db: Queryable, topic: LiveTopic, event: LiveEvent) {
  await db.execute(sql`select pg_notify(${LIVE_CHANNEL}, ${JSON.stringify({ topic, ...event })})`);
}
