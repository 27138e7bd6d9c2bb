import { forumImages } from "@lumen/db";
import { and, eq, isNull, lt, sql } from "drizzle-orm";
import { cleanFilename, cutToCodePoints } from "../../kernel";
import { assertNotMuted, openCourseForum } from "../access";
import { FORUM_IMAGE_UPLOAD_TTL_SECONDS, type StartForumImageInput } from "./inputs";
import { deleteImageObjects, type ForumImageDeps } from "./rows";

/** Where and how the browser sends the image: one PUT of exactly `byteSize` bytes to the edge. */
export interface ForumImageUploadTicket {
  imageId: string;
  /** `${edgeUrl}/attachments/${token}`; the token is the only credential. */
  uploadUrl: string;
  expiresAt: string;
  byteSize: number;
}

/**
 * Starts an image upload for a post in a course forum: the user must be able to post there
 * (a member, not muted). Records the pending image and signs a link the browser PUTs the
 * bytes to at the edge (the `/attachments/:token` route, ADR 0018); nothing is shown until
 * `confirmForumImageUpload` has checked them. The user's own uploads that were never
 * confirmed while their link lived are removed here.
 */
export async function startForumImageUpload({
  db,
  media,
  user,
  input,
}: ForumImageDeps & { input: StartForumImageInput }): Promise<ForumImageUploadTicket> {
  const filename = cutToCodePoints(cleanFilename(input.filename), 200) || "image";
  const { id, abandoned } = await db.transaction(async (tx) => {
    const course = await openCourseForum(tx, user, input.courseId);
    await assertNotMuted(tx, user, course);
    const abandoned = await tx
      .delete(forumImages)
      .where(
        and(
          eq(forumImages.uploaderId, user.id),
          isNull(forumImages.storedAt),
          lt(
            forumImages.createdAt,
            sql`now() - make_interval(secs => ${FORUM_IMAGE_UPLOAD_TTL_SECONDS})`,
          ),
        ),
      )
      .returning({ id: forumImages.id });
    const [row] = await tx
      .insert(forumImages)
      .values({
        courseId: course.id,
        uploaderId: user.id,
        filename,
        contentType: input.contentType,
        byteSize: input.byteSize,
      })
      .returning({ id: forumImages.id });
    if (!row) throw new Error("forum image insert returned nothing");
    return { id: row.id, abandoned: abandoned.map((a) => a.id) };
  });
  await deleteImageObjects(media, abandoned);
  const { token, expiresAt } = await media.signer.sign(
    "forum-image-upload",
    id,
    FORUM_IMAGE_UPLOAD_TTL_SECONDS,
    input.byteSize,
  );
  return {
    imageId: id,
    uploadUrl: `${media.edgeUrl.replace(/\/+$/, "")}/attachments/${token}`,
    expiresAt: expiresAt.toISOString(),
    byteSize: input.byteSize,
  };
}
