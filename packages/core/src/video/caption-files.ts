import { type MediaStore, subtitlePlaylistPath } from "@lumen/media";

/** A caption's two files under hls/: the WebVTT and its one-segment subtitle playlist. */
export function captionFiles(path: string) {
  return { vtt: `hls/${path}`, playlist: `hls/${subtitlePlaylistPath(path)}` };
}

export async function deleteCaptionFiles(store: MediaStore, assetId: string, path: string) {
  const files = captionFiles(path);
  await store.delete(assetId, [files.vtt, files.playlist]);
}
