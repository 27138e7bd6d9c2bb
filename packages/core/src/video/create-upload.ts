import { videoAssets } from "@lumen/db";
import { and, eq } from "drizzle-orm";
import { lockLesson } from "../access";
import { ValidationError } from "../kernel";
import type { CreateUploadInput } from "./inputs";
import { formatByteSize, issueUploadTicket } from "./ticket";
import type { UploadTicket, VideoDeps } from "./types";

/**
 * Starts a video upload for a lesson: a new asset in `uploading` and a token the browser
 * uploads with, straight to the edge (the API never sees the bytes). A newer upload
 * supersedes one still in progress for the same lesson, which is cancelled; a video already
 * uploaded keeps playing until the new one is playable.
 */
export async function createUpload({
  db,
  user,
  media,
  input,
}: VideoDeps & { input: CreateUploadInput }): Promise<{
  assetId: string;
  upload: UploadTicket;
}> {
  const assetId = await db.transaction(async (tx) => {
    // The course lock orders this against a concurrent delete of the lesson.
    const { course, lesson } = await lockLesson(tx, user, input.lessonId);
    if (lesson.kind !== "video") {
      const message = "Only video lessons have a video.";
      throw new ValidationError(message, { lessonId: [message] });
    }
    if (input.byteSize > media.maxUploadBytes) {
      const message = `Videos can be up to ${formatByteSize(media.maxUploadBytes)}.`;
      throw new ValidationError(message, { byteSize: [message] });
    }
    await tx
      .update(videoAssets)
      .set({ status: "cancelled", updatedAt: new Date() })
      .where(and(eq(videoAssets.lessonId, lesson.id), eq(videoAssets.status, "uploading")));
    const [created] = await tx
      .insert(videoAssets)
      .values({
        courseId: course.id,
        lessonId: lesson.id,
        uploadedBy: user.id,
        originalFilename: input.filename,
        byteSize: input.byteSize,
      })
      .returning({ id: videoAssets.id });
    if (!created) throw new Error("video asset insert returned nothing");
    return created.id;
  });
  return { assetId, upload: await issueUploadTicket(media, assetId, input.byteSize) };
}
