import { forumImages } from "@lumen/db";
import type { StoredObject } from "@lumen/media";
import { and, eq, isNotNull } from "drizzle-orm";
import { NotFoundError } from "../../kernel";
import { openCourseForum } from "../access";
import {
  type ForumImageDeps,
  type ForumImageView,
  forumImageFile,
  IMAGE_NOT_FOUND,
  toForumImageView,
} from "./rows";

/**
 * A stored forum image's bytes, for the API's route: whoever may read the course's forum
 * (members, its staff, admins); anyone else is refused as the forum refuses them. An
 * unconfirmed upload does not exist.
 */
export async function openForumImage({
  db,
  media,
  user,
  imageId,
}: ForumImageDeps & { imageId: string }): Promise<{
  image: ForumImageView;
  object: StoredObject;
}> {
  const [row] = await db
    .select()
    .from(forumImages)
    .where(and(eq(forumImages.id, imageId), isNotNull(forumImages.storedAt)));
  if (!row) throw new NotFoundError(IMAGE_NOT_FOUND);
  await openCourseForum(db, user, row.courseId);
  const object = await media.store.getFile(forumImageFile(row.id));
  if (!object) throw new NotFoundError(IMAGE_NOT_FOUND);
  return { image: toForumImageView(row), object };
}
