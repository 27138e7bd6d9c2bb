import type { Database } from "@lumen/db";
import { lessons, videoAssets, videoRenditions } from "@lumen/db/schema";
import { and, eq, ne, or, sql } from "drizzle-orm";
import { publishMasterPlaylist } from "../publish/master";
import type { MediaStore } from "../store/types";

export interface UploadedRendition {
  name: string;
  /** Directory under hls/ holding its playlist and segments, e.g. "360p-k3j9x2". */
  path: string;
  codecs: string;
}

export interface Published {
  /** Renditions this attempt made ready. */
  won: string[];
  /** Renditions another attempt made ready first (or the asset stopped processing). */
  lost: string[];
  playable: boolean;
  ready: boolean;
}

/**
 * Marks uploaded renditions ready and rewrites the master playlist, in one transaction under
 * the asset row's lock. Only a rendition not yet ready can be won, so when two attempts race
 * the first to commit is the one players see and the other learns it lost. The asset becomes
 * playable with its first rendition (unless a rendition went live before: publishLiveRendition)
 * and ready with its last; the lesson switches to it unless the lesson already has a newer video.
 */
export async function publishRenditions({
  db,
  store,
  assetId,
  encoded,
}: {
  db: Database;
  store: MediaStore;
  assetId: string;
  encoded: readonly UploadedRendition[];
}): Promise<Published> {
  return db.transaction(async (tx) => {
    const [asset] = await tx
      .select()
      .from(videoAssets)
      .where(eq(videoAssets.id, assetId))
      .for("update");
    const none = { won: [], lost: encoded.map((r) => r.name), playable: false, ready: false };
    if (asset?.status !== "processing") return none;
    const now = new Date();
    const won: string[] = [];
    for (const r of encoded) {
      const updated = await tx
        .update(videoRenditions)
        .set({ status: "ready", path: r.path, codecs: r.codecs, progress: 100, readyAt: now })
        .where(
          and(
            eq(videoRenditions.assetId, assetId),
            eq(videoRenditions.name, r.name),
            ne(videoRenditions.status, "ready"),
          ),
        )
        .returning({ name: videoRenditions.name });
      if (updated.length > 0) won.push(r.name);
    }
    const lost = encoded.map((r) => r.name).filter((name) => !won.includes(name));
    if (won.length === 0) return { ...none, lost, playable: asset.playableAt !== null };

    await publishMasterPlaylist({ tx, store, assetId });
    const [pending] = await tx
      .select({ name: videoRenditions.name })
      .from(videoRenditions)
      .where(and(eq(videoRenditions.assetId, assetId), ne(videoRenditions.status, "ready")))
      .limit(1);
    const ready = !pending;
    await tx
      .update(videoAssets)
      .set({
        playableAt: asset.playableAt ?? now,
        updatedAt: now,
        ...(ready ? { status: "ready" as const, readyAt: now } : {}),
      })
      .where(eq(videoAssets.id, assetId));
    // Idempotent: a rendition gone live already switched a lesson that had no video.
    await pointLessonAt(tx, asset, { onlyIfEmpty: false });
    return { won, lost, playable: true, ready };
  });
}

/**
 * Publishes a rendition that is still encoding (its EVENT playlist names its first segments):
 * the rendition keeps `processing` but gets this attempt's path and codecs, the master playlist
 * lists it, and the asset becomes playable. Taken over from an earlier attempt of the same
 * rendition (one that died mid-encode), never from a ready one. A lesson with no video starts
 * showing it now; a lesson that shows an older video switches only when a rendition is
 * complete (publishRenditions), so a replacement that still fails never hides a working video.
 * Returns false when this attempt cannot go live (already ready, or the asset stopped).
 */
export async function publishLiveRendition({
  db,
  store,
  assetId,
  rendition,
}: {
  db: Database;
  store: MediaStore;
  assetId: string;
  rendition: UploadedRendition;
}): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [asset] = await tx
      .select()
      .from(videoAssets)
      .where(eq(videoAssets.id, assetId))
      .for("update");
    if (asset?.status !== "processing") return false;
    const now = new Date();
    const taken = await tx
      .update(videoRenditions)
      .set({ path: rendition.path, codecs: rendition.codecs })
      .where(
        and(
          eq(videoRenditions.assetId, assetId),
          eq(videoRenditions.name, rendition.name),
          ne(videoRenditions.status, "ready"),
        ),
      )
      .returning({ name: videoRenditions.name });
    if (taken.length === 0) return false;
    await publishMasterPlaylist({ tx, store, assetId });
    await tx
      .update(videoAssets)
      .set({ playableAt: asset.playableAt ?? now, updatedAt: now })
      .where(eq(videoAssets.id, assetId));
    await pointLessonAt(tx, asset, { onlyIfEmpty: true });
    return true;
  });
}

/**
 * The lesson shows this asset from now on, unless it already points at a newer one (an
 * instructor who replaced the video again while this one was encoding).
 */
async function pointLessonAt(
  tx: Database,
  asset: { id: string; lessonId: string; createdAt: Date },
  { onlyIfEmpty }: { onlyIfEmpty: boolean },
): Promise<void> {
  const current = sql`(select ${videoAssets.createdAt} from ${videoAssets} where ${videoAssets.id} = ${lessons.videoAssetId})`;
  await tx
    .update(lessons)
    .set({ videoAssetId: asset.id, updatedAt: new Date() })
    .where(
      and(
        eq(lessons.id, asset.lessonId),
        onlyIfEmpty
          ? sql`${lessons.videoAssetId} is null`
          : or(
              sql`${lessons.videoAssetId} is null`,
              sql`${lessons.videoAssetId} <> ${asset.id} and ${current} < ${asset.createdAt.toISOString()}::timestamptz`,
            ),
      ),
    );
}
