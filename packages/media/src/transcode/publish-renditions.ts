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
 * playable with its first rendition (and the lesson switches to it, unless the lesson already
 * has a newer video) and ready with its last.
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
    if (!asset.playableAt) await pointLessonAt(tx, asset);
    return { won, lost, playable: true, ready };
  });
}

/**
 * The lesson shows this asset from now on, unless it already points at a newer one (an
 * instructor who replaced the video again while this one was encoding).
 */
async function pointLessonAt(
  tx: Database,
  asset: { id: string; lessonId: string; createdAt: Date },
): Promise<void> {
  const current = sql`(select ${videoAssets.createdAt} from ${videoAssets} where ${videoAssets.id} = ${lessons.videoAssetId})`;
  await tx
    .update(lessons)
    .set({ videoAssetId: asset.id, updatedAt: new Date() })
    .where(
      and(
        eq(lessons.id, asset.lessonId),
        or(
          sql`${lessons.videoAssetId} is null`,
          sql`${lessons.videoAssetId} <> ${asset.id} and ${current} < ${asset.createdAt.toISOString()}::timestamptz`,
        ),
      ),
    );
}
