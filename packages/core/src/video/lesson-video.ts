import { videoAssets } from "@lumen/db";
import { and, desc, eq, ne } from "drizzle-orm";
import { assertCanEditLesson } from "../access";
import { loadVideoSummaries } from "./summary";
import type { VideoDeps, VideoSummary } from "./types";

/**
 * A lesson's video as its editor shows it: `current` is what learners play (the lesson's
 * video), `latest` the newest upload, which differs while a replacement uploads or processes
 * (or when it failed). Both are null before the first upload.
 */
export async function getLessonVideo({
  db,
  user,
  input,
}: Omit<VideoDeps, "media"> & { input: { lessonId: string } }): Promise<{
  current: VideoSummary | null;
  latest: VideoSummary | null;
}> {
  const lesson = await assertCanEditLesson(db, user, input.lessonId);
  const [latest] = await db
    .select({ id: videoAssets.id })
    .from(videoAssets)
    .where(and(eq(videoAssets.lessonId, lesson.id), ne(videoAssets.status, "cancelled")))
    .orderBy(desc(videoAssets.createdAt), desc(videoAssets.id))
    .limit(1);
  const ids = [lesson.videoAssetId, latest?.id].filter((id): id is string => id != null);
  const summaries = await loadVideoSummaries(db, ids);
  return {
    current: lesson.videoAssetId ? (summaries.get(lesson.videoAssetId) ?? null) : null,
    latest: latest ? (summaries.get(latest.id) ?? null) : null,
  };
}
