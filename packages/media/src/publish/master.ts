import type { Database } from "@lumen/db";
import { videoAssets, videoCaptions, videoRenditions } from "@lumen/db/schema";
import { MASTER_PLAYLIST } from "@lumen/media-tokens";
import { and, eq, inArray } from "drizzle-orm";
import { buildMasterPlaylist, buildSubtitlePlaylist } from "../hls/playlists";
import type { MediaStore } from "../store/types";

export const PLAYLIST_CONTENT_TYPE = "application/vnd.apple.mpegurl";

/**
 * A rendition is playable once it has a path: `ready`, or `processing` with the EVENT playlist
 * of an encode still in progress (publishLiveRendition). Pending and unpublished rows have none.
 */
export const PLAYABLE_RENDITION_STATUSES = ["ready", "processing"] as const;

/**
 * Rewrites `hls/master.m3u8` from what the database says is playable (renditions with a path,
 * complete or still growing, and captions).
 * Runs under the asset row's lock so two writers (two rendition jobs, a caption upload) cannot
 * interleave: whoever writes last read the state the other committed. Pass the transaction
 * that just changed that state, so the playlist and the commit agree. Returns the number of
 * renditions listed (0: nothing playable yet, no playlist written).
 */
export async function publishMasterPlaylist({
  tx,
  store,
  assetId,
}: {
  tx: Database;
  store: MediaStore;
  assetId: string;
}): Promise<number> {
  const [asset] = await tx
    .select({ durationSeconds: videoAssets.durationSeconds })
    .from(videoAssets)
    .where(eq(videoAssets.id, assetId))
    .for("update");
  const renditions = await tx
    .select()
    .from(videoRenditions)
    .where(
      and(
        eq(videoRenditions.assetId, assetId),
        inArray(videoRenditions.status, [...PLAYABLE_RENDITION_STATUSES]),
      ),
    );
  const captions = await tx
    .select()
    .from(videoCaptions)
    .where(eq(videoCaptions.assetId, assetId))
    .orderBy(videoCaptions.createdAt, videoCaptions.language);
  const listed = renditions.flatMap((r) =>
    r.path && r.codecs
      ? [
          {
            path: r.path,
            bandwidth: r.bandwidth,
            width: r.width,
            height: r.height,
            codecs: r.codecs,
          },
        ]
      : [],
  );
  if (listed.length === 0) return 0;
  // A caption added before the probe knew the duration has a placeholder subtitle playlist.
  // Rewriting it here is safe: nothing could fetch it before a master playlist listed it, and
  // afterwards the duration no longer changes, so the rewrite is byte-identical.
  for (const caption of captions) {
    if (asset?.durationSeconds == null) break;
    const vttFile = caption.path.slice(caption.path.lastIndexOf("/") + 1);
    const subtitles = buildSubtitlePlaylist({ vttFile, durationSeconds: asset.durationSeconds });
    await store.put(
      assetId,
      `hls/${subtitlePlaylistPath(caption.path)}`,
      subtitles,
      PLAYLIST_CONTENT_TYPE,
    );
  }
  const playlist = buildMasterPlaylist({
    renditions: listed,
    captions: captions.map((c) => ({
      language: c.language,
      label: c.label,
      path: subtitlePlaylistPath(c.path),
    })),
  });
  await store.put(assetId, `hls/${MASTER_PLAYLIST}`, playlist, PLAYLIST_CONTENT_TYPE);
  return listed.length;
}

/** The subtitle playlist beside a caption's WebVTT file ("captions/en-x.vtt" → ".m3u8"). */
export function subtitlePlaylistPath(vttPath: string): string {
  return vttPath.replace(/\.vtt$/, ".m3u8");
}
