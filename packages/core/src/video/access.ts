import { type Database, lessons, modules, videoAssets } from "@lumen/db";
import { eq } from "drizzle-orm";
import { assertCanEditCourse } from "../authoring/access";
import { NotFoundError, type SessionUser } from "../kernel";

const VIDEO_NOT_FOUND = "We couldn't find that video.";
const LESSON_NOT_FOUND = "We couldn't find that lesson.";

/**
 * A video asset the user may edit (an editor of its course). Refusals follow the authoring
 * rule: a stranger's draft does not exist (NOT_FOUND), a published course is FORBIDDEN.
 */
export async function assertCanEditAsset(db: Database, user: SessionUser, assetId: string) {
  const [asset] = await db
    .select({
      id: videoAssets.id,
      courseId: videoAssets.courseId,
      lessonId: videoAssets.lessonId,
      status: videoAssets.status,
      byteSize: videoAssets.byteSize,
      durationSeconds: videoAssets.durationSeconds,
    })
    .from(videoAssets)
    .where(eq(videoAssets.id, assetId));
  if (!asset) throw new NotFoundError(VIDEO_NOT_FOUND);
  await assertCanEditCourse(db, user, asset.courseId, { notFound: VIDEO_NOT_FOUND });
  return asset;
}

/** A lesson the user may edit, with its kind and current video. */
export async function assertCanEditLesson(db: Database, user: SessionUser, lessonId: string) {
  const [lesson] = await db
    .select({
      id: lessons.id,
      kind: lessons.kind,
      videoAssetId: lessons.videoAssetId,
      courseId: modules.courseId,
    })
    .from(lessons)
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .where(eq(lessons.id, lessonId));
  if (!lesson) throw new NotFoundError(LESSON_NOT_FOUND);
  await assertCanEditCourse(db, user, lesson.courseId, { notFound: LESSON_NOT_FOUND });
  return lesson;
}
