import { type Database, playbackPositions } from "@lumen/db";
import { sql } from "drizzle-orm";
import type { SessionUser } from "../../context";
import type { SavePositionInput } from "./inputs";
import { assertCanWatchLesson } from "./watch-access";

/**
 * Records where the learner is in a lesson's video (the latest report wins) and how much
 * they watched, which only grows: a late, out-of-order beacon cannot undo watch time.
 */
export async function savePosition({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: SavePositionInput;
}): Promise<{ positionSeconds: number; watchedSeconds: number }> {
  const lesson = await assertCanWatchLesson(db, user, input.lessonId);
  const [saved] = await db
    .insert(playbackPositions)
    .values({
      userId: user.id,
      lessonId: lesson.id,
      positionSeconds: input.positionSeconds,
      watchedSeconds: input.watchedSeconds,
    })
    .onConflictDoUpdate({
      target: [playbackPositions.userId, playbackPositions.lessonId],
      set: {
        positionSeconds: sql`excluded.position_seconds`,
        watchedSeconds: sql`greatest(${playbackPositions.watchedSeconds}, excluded.watched_seconds)`,
        updatedAt: sql`now()`,
      },
    })
    .returning({
      positionSeconds: playbackPositions.positionSeconds,
      watchedSeconds: playbackPositions.watchedSeconds,
    });
  if (!saved) throw new Error("playback position upsert returned nothing");
  return saved;
}
