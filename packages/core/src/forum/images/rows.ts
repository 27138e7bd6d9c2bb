import { type Database, forumImages } from "@lumen/db";
import type { MediaContext, StoredFile } from "@lumen/media";
import { and, eq } from "drizzle-orm";
import { NotFoundError, type Queryable, type SessionUser } from "../../kernel";
import type { ForumImageType } from "./inputs";

export const IMAGE_NOT_FOUND = "We couldn't find that image.";

/** What the forum image verbs need: the database, media signing and storage, who acts. */
export interface ForumImageDeps {
  db: Database;
  media: MediaContext;
  user: SessionUser;
}

export type ForumImageRow = typeof forumImages.$inferSelect;

/** A stored forum image; posts show it from `url` (same origin, session cookie). */
export interface ForumImageView {
  id: string;
  courseId: string;
  filename: string;
  contentType: ForumImageType;
  byteSize: number;
  /** `GET /api/forum-images/:id` (apps/api): access is checked on every request. */
  url: string;
}

export const forumImageUrl = (imageId: string) => `/api/forum-images/${imageId}`;

/** Every forum image is its own object, `forum-images/<id>` (ADR 0014). */
export function forumImageFile(imageId: string): StoredFile {
  return { purpose: "forum-image", id: imageId };
}

export function toForumImageView(row: ForumImageRow): ForumImageView {
  return {
    id: row.id,
    courseId: row.courseId,
    filename: row.filename,
    // Only the allowlist is ever written (the start input is an enum of it).
    contentType: row.contentType as ForumImageType,
    byteSize: row.byteSize,
    url: forumImageUrl(row.id),
  };
}

/** One of the user's own uploads (any state); anyone else's is not found. */
export async function findOwnImage(db: Queryable, user: SessionUser, imageId: string) {
  const [row] = await db
    .select()
    .from(forumImages)
    .where(and(eq(forumImages.id, imageId), eq(forumImages.uploaderId, user.id)));
  if (!row) throw new NotFoundError(IMAGE_NOT_FOUND);
  return row;
}

/** Best effort, after the rows are gone: an object no row names is never served. */
export async function deleteImageObjects(media: MediaContext, imageIds: readonly string[]) {
  for (const id of imageIds) {
    await media.store.deleteFile(forumImageFile(id)).catch(() => undefined);
  }
}
