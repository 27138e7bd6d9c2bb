import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { PLAYLIST_CONTENT_TYPE } from "../publish/master";
import type { MediaStore } from "../store/types";

export const RENDITION_PLAYLIST = "index.m3u8";
/** Segment uploads in flight at once: enough to hide the edge's latency, few enough for memory. */
const UPLOAD_PARALLELISM = 4;

export function contentTypeFor(file: string): string {
  if (file.endsWith(".m3u8")) return PLAYLIST_CONTENT_TYPE;
  if (file.endsWith(".ts")) return "video/mp2t";
  return "application/octet-stream";
}

/**
 * Uploads one encoded rendition under `hls/<dir>/`, segments first and its playlist last, so a
 * directory that has a playlist has everything the playlist names. Every path written is pushed
 * to `written` as it lands, so the caller can remove a partial directory after a failure.
 */
export async function uploadRendition({
  store,
  assetId,
  localDir,
  files,
  dir,
  written,
}: {
  store: MediaStore;
  assetId: string;
  localDir: string;
  /** File names inside localDir (index.m3u8 and its segments). */
  files: readonly string[];
  /** Directory under hls/, e.g. "360p-k3j9x2". */
  dir: string;
  written: string[];
}): Promise<void> {
  if (!files.includes(RENDITION_PLAYLIST)) throw new Error(`${dir} has no ${RENDITION_PLAYLIST}`);
  const put = async (file: string) => {
    const path = `hls/${dir}/${file}`;
    await store.put(assetId, path, await readFile(join(localDir, file)), contentTypeFor(file));
    written.push(path);
  };
  const segments = files.filter((f) => f !== RENDITION_PLAYLIST);
  let next = 0;
  let failure: { error: unknown } | null = null;
  // Every worker stops before this returns, so no upload lands after the caller cleaned up.
  const worker = async () => {
    while (!failure && next < segments.length) {
      const file = segments[next++] as string;
      await put(file).catch((error: unknown) => {
        failure ??= { error };
      });
    }
  };
  await Promise.all(Array.from({ length: UPLOAD_PARALLELISM }, worker));
  if (failure) throw (failure as { error: unknown }).error;
  await put(RENDITION_PLAYLIST);
}
