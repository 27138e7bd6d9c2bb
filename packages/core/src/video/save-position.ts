import { type Database, playbackPositions } from "@lumen/db";
import { sql } from "drizzle-orm";
import { assertCanWatchLesson } from "../access";
import type { SessionUser } from "../kernel";
import type { SavePositionInput } from "./inputs";

/**
 * Records where the learner is in a lesson's video (the latest report wins). What they
 * watched is not taken from here: enrolled learners' coverage comes through progress events,
 * checked against playback time (ADR 0007).
 */
export async function savePosition({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: SavePositionInput;
}): Promise<{ positionSeconds: number }> {
  const lesson = await assertCanWatchLesson(db, user, input.lessonId);
  const [saved] = await db
    .insert(playbackPositions)
    .values({ userId: user.id, lessonId: lesson.id, positionSeconds: input.positionSeconds })
    .onConflictDoUpdate({
      target: [playbackPositions.userId, playbackPositions.lessonId],
      set: { positionSeconds: sql`excluded.position_seconds`, updatedAt: sql`now()` },
    })
    .returning({ positionSeconds: playbackPositions.positionSeconds });
  if (!saved) throw new Error("playback position upsert returned nothing");
  return saved;
}
