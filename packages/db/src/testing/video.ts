import { eq } from "drizzle-orm";
import type { Database } from "../client";
import { lessons, videoAssets, videoRenditions } from "../schema";

type RenditionSpec = Partial<typeof videoRenditions.$inferInsert> & { height: number };

/**
 * A video asset in whatever state a test needs, written directly (as the job runner would),
 * with its renditions. `current` makes it the lesson's video, as the runner does once the
 * first rendition is playable.
 */
export async function createVideoAsset(
  db: Database,
  lesson: { id: string; courseId: string },
  uploader: { id: string },
  {
    current = false,
    renditions = [],
    ...overrides
  }: Partial<typeof videoAssets.$inferInsert> & {
    current?: boolean;
    renditions?: RenditionSpec[];
  } = {},
) {
  const [asset] = await db
    .insert(videoAssets)
    .values({
      courseId: lesson.courseId,
      lessonId: lesson.id,
      uploadedBy: uploader.id,
      originalFilename: "talk.mp4",
      byteSize: 1_000_000,
      ...overrides,
    })
    .returning();
  if (!asset) throw new Error("video asset insert returned nothing");
  for (const r of renditions) {
    await db.insert(videoRenditions).values({
      assetId: asset.id,
      name: `${r.height}p`,
      width: Math.round((r.height * 16) / 9),
      bandwidth: r.height * 3000,
      ...r,
    });
  }
  if (current)
    await db.update(lessons).set({ videoAssetId: asset.id }).where(eq(lessons.id, lesson.id));
  return asset;
}

/** A ready rendition as an encode job leaves it: files published under a fresh path. */
export function readyRendition(height: number) {
  return {
    height,
    status: "ready" as const,
    progress: 100,
    path: `${height}p-gen${height}`,
    codecs: "avc1.64001f,mp4a.40.2",
    readyAt: new Date(),
  };
}
