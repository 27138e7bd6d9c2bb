import { createHash } from "node:crypto";
import { courses, mediaBlobs } from "@lumen/db";
import { eq } from "drizzle-orm";
import { assertCanEditCourse } from "../access";
import { ValidationError } from "../kernel";
import { identifyImage } from "./image-type";
import { mediaUrl } from "./media-key";
import { touchCourse } from "./touch";
import type { AuthoringDeps, CourseChange } from "./types";

export const COVER_MAX_BYTES = 2 * 1024 * 1024;
export const COVER_MAX_DIMENSION = 8000;

function invalid(message: string): never {
  throw new ValidationError(message, { cover: [message] });
}

/**
 * Stores an uploaded cover image and makes it the course's cover. The type comes from the
 * bytes (PNG, JPEG, WebP); the blob is keyed by its SHA-256, so identical uploads share one
 * row and its URL can be cached forever. Replaced covers are left in place: another course
 * may share the same bytes.
 */
export async function setCourseCover({
  db,
  outbox,
  user,
  courseId,
  bytes,
}: AuthoringDeps & { courseId: string; bytes: Uint8Array }): Promise<
  CourseChange & { coverImageKey: string; coverImageUrl: string }
> {
  // Ownership first: a stranger learns nothing about the validity of their file.
  await assertCanEditCourse(db, user, courseId);
  if (bytes.length === 0) invalid("The upload is empty. Choose a PNG, JPEG or WebP image.");
  if (bytes.length > COVER_MAX_BYTES) invalid("Cover images can be at most 2 MiB.");
  const image = identifyImage(bytes);
  if (!image) invalid("That file is not a PNG, JPEG or WebP image. Choose one of those formats.");
  const { width, height } = image;
  if (width < 1 || height < 1) invalid("That image has no pixels.");
  if (width > COVER_MAX_DIMENSION || height > COVER_MAX_DIMENSION) {
    invalid(`Cover images can be at most ${COVER_MAX_DIMENSION} pixels wide and high.`);
  }
  const key = createHash("sha256").update(bytes).digest("hex");
  return db.transaction(async (tx) => {
    await assertCanEditCourse(tx, user, courseId, { lock: true });
    await tx
      .insert(mediaBlobs)
      .values({
        key,
        contentType: image.contentType,
        byteSize: bytes.length,
        bytes: Buffer.from(bytes),
      })
      .onConflictDoNothing({ target: mediaBlobs.key });
    await tx.update(courses).set({ coverImageKey: key }).where(eq(courses.id, courseId));
    const updatedAt = await touchCourse(tx, outbox, courseId);
    return {
      courseId,
      coverImageKey: key,
      coverImageUrl: mediaUrl(key),
      updatedAt: updatedAt.toISOString(),
    };
  });
}
