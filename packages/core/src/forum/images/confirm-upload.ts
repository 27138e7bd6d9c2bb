import { forumImages } from "@lumen/db";
import type { MediaContext } from "@lumen/media";
import { and, eq, isNull } from "drizzle-orm";
import { FILE_SIGNATURES, SNIFF_BYTES, ValidationError } from "../../kernel";
import { assertNotMuted, openCourseForum } from "../access";
import { FORUM_IMAGE_TYPES, FORUM_IMAGE_TYPES_MESSAGE, type ForumImageType } from "./inputs";
import {
  deleteImageObjects,
  type ForumImageDeps,
  type ForumImageRow,
  type ForumImageView,
  findOwnImage,
  forumImageFile,
  toForumImageView,
} from "./rows";

const NOT_ARRIVED = "The image didn't arrive completely. Add it again.";

/**
 * After the browser's PUT: the image counts once the edge holds exactly its bytes and they
 * begin as the declared type does (magic bytes). Anything else is removed, row and object,
 * with the reason; so is the upload of someone who can no longer post there. Confirming
 * twice is harmless: a stored image is returned as it is.
 */
export async function confirmForumImageUpload({
  db,
  media,
  user,
  input,
}: ForumImageDeps & { input: { imageId: string } }): Promise<ForumImageView> {
  const row = await findOwnImage(db, user, input.imageId);
  if (row.storedAt) return toForumImageView(row);
  const problem = await checkUploadedImage(media, row);
  const mine = eq(forumImages.id, row.id);
  const stored = await db
    .transaction(async (tx) => {
      const course = await openCourseForum(tx, user, row.courseId);
      await assertNotMuted(tx, user, course);
      if (problem) return null;
      const [updated] = await tx
        .update(forumImages)
        .set({ storedAt: new Date() })
        .where(and(mine, isNull(forumImages.storedAt)))
        .returning();
      // A concurrent confirm got there first.
      return updated ?? (await findOwnImage(tx, user, row.id));
    })
    .catch(async (error: unknown) => {
      await db.delete(forumImages).where(mine);
      await deleteImageObjects(media, [row.id]);
      throw error;
    });
  if (stored) return toForumImageView(stored);
  await db.delete(forumImages).where(mine);
  await deleteImageObjects(media, [row.id]);
  const message = problem ?? NOT_ARRIVED;
  throw new ValidationError(message, { file: [message] });
}

/** Why the stored object cannot be this image, or null when it can. */
async function checkUploadedImage(media: MediaContext, row: ForumImageRow): Promise<string | null> {
  const file = forumImageFile(row.id);
  const head = await media.store.headFile(file);
  if (!head || head.size !== row.byteSize) return NOT_ARRIVED;
  const sample = await media.store.getFile(file, {
    offset: 0,
    length: Math.min(SNIFF_BYTES, row.byteSize),
  });
  if (!sample) return NOT_ARRIVED;
  const bytes = new Uint8Array(await new Response(sample.body).arrayBuffer());
  const type = row.contentType as ForumImageType;
  const label = FORUM_IMAGE_TYPES[type];
  if (label && FILE_SIGNATURES[type](bytes)) return null;
  return `“${row.filename}” is not ${label ?? "an image we accept"} inside. ${FORUM_IMAGE_TYPES_MESSAGE}`;
}
