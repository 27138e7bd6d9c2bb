import { videoAssets, videoCaptions } from "@lumen/db";
import { publishMasterPlaylist } from "@lumen/media";
import { and, eq, sql } from "drizzle-orm";
import { NotFoundError } from "../kernel";
import { assertCanEditAsset } from "./access";
import { deleteCaptionFiles } from "./caption-files";
import { listCaptions } from "./summary";
import type { CaptionTrack, VideoDeps } from "./types";

/**
 * Removes one language's captions: the row and the master playlist first (players stop
 * seeing the track), the files afterwards.
 */
export async function removeCaption({
  db,
  user,
  media,
  input,
}: VideoDeps & { input: { assetId: string; language: string } }): Promise<CaptionTrack[]> {
  const asset = await assertCanEditAsset(db, user, input.assetId);
  const removed = await db.transaction(async (tx) => {
    await tx.execute(
      sql`select 1 from ${videoAssets} where ${videoAssets.id} = ${asset.id} for update`,
    );
    const [row] = await tx
      .delete(videoCaptions)
      .where(and(eq(videoCaptions.assetId, asset.id), eq(videoCaptions.language, input.language)))
      .returning({ path: videoCaptions.path });
    if (!row) throw new NotFoundError("This video has no captions in that language.");
    await publishMasterPlaylist({ tx, store: media.store, assetId: asset.id });
    return row.path;
  });
  await deleteCaptionFiles(media.store, asset.id, removed);
  return listCaptions(db, asset.id);
}
