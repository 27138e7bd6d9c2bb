import { videoAssets, videoCaptions } from "@lumen/db";
import {
  buildSubtitlePlaylist,
  generationId,
  PLAYLIST_CONTENT_TYPE,
  publishMasterPlaylist,
  validateWebVtt,
} from "@lumen/media";
import { and, eq, sql } from "drizzle-orm";
import { ConflictError, ValidationError } from "../kernel";
import { assertCanEditAsset } from "./access";
import { captionFiles, deleteCaptionFiles } from "./caption-files";
import type { AddCaptionInput } from "./inputs";
import { listCaptions } from "./summary";
import type { CaptionTrack, VideoDeps } from "./types";

const VTT_CONTENT_TYPE = "text/vtt; charset=utf-8";

/**
 * Attaches (or replaces) the WebVTT captions of one language. The files go under a fresh
 * name first; the row and the master playlist then switch to them in one transaction, so a
 * player sees the old track or the new one, never a half-written file. Replaced files are
 * deleted afterwards.
 */
export async function addCaption({
  db,
  user,
  media,
  input,
}: VideoDeps & { input: AddCaptionInput }): Promise<CaptionTrack[]> {
  // Ownership first: a stranger learns nothing about their file.
  const asset = await assertCanEditAsset(db, user, input.assetId);
  if (asset.status === "cancelled") {
    throw new ConflictError("This upload was cancelled; add captions to the video you keep.");
  }
  const vtt = validateWebVtt(input.vtt);
  if (!vtt.ok) throw new ValidationError(vtt.reason, { vtt: [vtt.reason] });

  const path = `captions/${input.language}-${generationId()}.vtt`;
  const files = captionFiles(path);
  const playlist = buildSubtitlePlaylist({
    vttFile: path.slice("captions/".length),
    durationSeconds: asset.durationSeconds ?? 1,
  });
  await media.store.put(asset.id, files.vtt, vtt.text, VTT_CONTENT_TYPE);
  await media.store.put(asset.id, files.playlist, playlist, PLAYLIST_CONTENT_TYPE);

  let replaced: string | undefined;
  // Once the master playlist may name the new files, they must stay, whatever happens next.
  let published = false;
  try {
    replaced = await db.transaction(async (tx) => {
      // Lock the asset first: the previous path read here is the one this write replaces.
      await tx.execute(
        sql`select 1 from ${videoAssets} where ${videoAssets.id} = ${asset.id} for update`,
      );
      const [previous] = await tx
        .select({ path: videoCaptions.path })
        .from(videoCaptions)
        .where(
          and(eq(videoCaptions.assetId, asset.id), eq(videoCaptions.language, input.language)),
        );
      await tx
        .insert(videoCaptions)
        .values({ assetId: asset.id, language: input.language, label: input.label, path })
        .onConflictDoUpdate({
          target: [videoCaptions.assetId, videoCaptions.language],
          set: { label: input.label, path },
        });
      published = true;
      await publishMasterPlaylist({ tx, store: media.store, assetId: asset.id });
      return previous?.path;
    });
  } catch (error) {
    if (!published) await deleteCaptionFiles(media.store, asset.id, path);
    throw error;
  }
  if (replaced) await deleteCaptionFiles(media.store, asset.id, replaced);
  return listCaptions(db, asset.id);
}
