import { type Database, exerciseDrafts } from "@lumen/db";
import type { SessionUser } from "../kernel";
import { openExerciseLesson } from "./access";

/** Keeps the code a learner is writing, so it is there when they come back (any device). */
export async function saveDraft({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: { lessonId: string; code: string };
}): Promise<{ savedAt: string }> {
  const { lessonId } = await openExerciseLesson(db, user, input.lessonId);
  const [row] = await db
    .insert(exerciseDrafts)
    .values({ userId: user.id, lessonId, code: input.code })
    .onConflictDoUpdate({
      target: [exerciseDrafts.userId, exerciseDrafts.lessonId],
      set: { code: input.code, updatedAt: new Date() },
    })
    .returning({ updatedAt: exerciseDrafts.updatedAt });
  return { savedAt: (row?.updatedAt ?? new Date()).toISOString() };
}
