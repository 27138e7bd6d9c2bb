import { randomUUID } from "node:crypto";
import type { SessionUser } from "@lumen/core/kernel";
import type { ProgressEvent } from "@lumen/core/progress";
import type { Database } from "@lumen/db";
import { sql } from "drizzle-orm";
import type { TestContext } from "./harness";

/**
 * The learner opens a video lesson: the player asks for its playback URL, which is when their
 * playback of it begins (coverage is credited no faster than the top speed since then).
 */
export async function startPlayback(t: TestContext, learner: SessionUser, lessonId: string) {
  await t.callerFor(learner).video.playback({ lessonId });
}

/** A progress event as the player sends it; a fresh event id unless one is given. */
export function progressEvent(
  enrollmentId: string,
  lessonId: string,
  overrides: Partial<ProgressEvent> = {},
): ProgressEvent {
  return {
    eventId: randomUUID(),
    enrollmentId,
    lessonId,
    watched: [],
    positionSeconds: 0,
    completed: false,
    occurredAt: Date.now(),
    ...overrides,
  };
}

/** Jobs of one kind enqueued for an enrollment (pg-boss rows, as the outbox wrote them). */
export async function jobsFor(db: Database, name: string, enrollmentId: string) {
  const { rows } = await db.execute<{ id: string }>(
    sql`select id from pgboss.job where name = ${name} and data->>'enrollmentId' = ${enrollmentId}`,
  );
  return rows.length;
}
