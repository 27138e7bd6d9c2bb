import type { MediaStore } from "../store/types";
import type { Published, UploadedRendition } from "./publish-renditions";

/**
 * After publishing: deletes this attempt's upload of renditions another attempt won, and any
 * directory of a rendition just won that the database does not reference (left by an attempt
 * that crashed or failed mid-upload). Both are unreachable from the master playlist, and a
 * ready rendition is never published again, so nothing deleted here can become referenced.
 * Returns an error message instead of throwing: the renditions are live, only tidying failed.
 */
export async function removeStaleOutputs({
  store,
  assetId,
  encoded,
  published,
  written,
}: {
  store: MediaStore;
  assetId: string;
  encoded: readonly UploadedRendition[];
  published: Published;
  written: readonly string[];
}): Promise<string | undefined> {
  try {
    const lostDirs = encoded.filter((r) => published.lost.includes(r.name)).map(dirOf);
    await store.delete(
      assetId,
      written.filter((path) => lostDirs.some((dir) => path.startsWith(dir))),
    );
    for (const rendition of encoded.filter((r) => published.won.includes(r.name))) {
      const keep = dirOf(rendition);
      const all = await store.list(assetId, `hls/${rendition.name}-`);
      await store.delete(
        assetId,
        all.filter((path) => !path.startsWith(keep)),
      );
    }
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function dirOf(rendition: UploadedRendition): string {
  return `hls/${rendition.path}/`;
}
