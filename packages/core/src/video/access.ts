import { type Database, videoAssets } from "@lumen/db";
import { eq } from "drizzle-orm";
import { assertCanEditCourse } from "../access";
import { NotFoundError, type SessionUser } from "../kernel";

const VIDEO_NOT_FOUND = "We couldn't find that video.";

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
