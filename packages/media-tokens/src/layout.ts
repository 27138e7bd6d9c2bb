/**
 * The media bucket is keyed by purpose (ADR 0014): each kind of object has its own top-level
 * prefix, and a token of that purpose reaches only its own id's objects there.
 *
 *   videos/<assetId>/…          a video asset's objects (below)
 *   documents/<storageId>.pdf   a PDF lesson's document (new storage id on every replace)
 *   certificates/<id>.pdf       a certificate's signed PDF
 *   attachments/<id>            a file a learner attached to an assignment submission (its
 *                               type is known only once the API has checked its bytes, so the
 *                               key has no extension)
 *   forum-images/<id>           an image a forum member uploaded for their posts (no
 *                               extension either: its type is checked on confirm too)
 *   exports/<id>.zip            a user's data export (privacy), deleted when it expires
 */
export type FilePurpose = "document" | "certificate" | "attachment" | "forum-image" | "export";

const FILE_KEY: Record<FilePurpose, (id: string) => string> = {
  document: (id) => `documents/${id}.pdf`,
  certificate: (id) => `certificates/${id}.pdf`,
  attachment: (id) => `attachments/${id}`,
  "forum-image": (id) => `forum-images/${id}`,
  export: (id) => `exports/${id}.zip`,
};

/** The key of the one object a document, certificate, attachment or forum image is stored as. */
export function fileKey(purpose: FilePurpose, id: string): string {
  return FILE_KEY[purpose](id);
}

export function isFilePurpose(purpose: string): purpose is FilePurpose {
  return Object.hasOwn(FILE_KEY, purpose);
}

/**
 * Where a video asset's objects live in the media bucket (R2). Everything of one asset sits
 * under `videos/<assetId>/`, so a storage token scoped to the asset can reach exactly that.
 *
 *   videos/<id>/source                      the uploaded original (R2 multipart target)
 *   videos/<id>/upload/…                    upload bookkeeping, written by the edge only
 *   videos/<id>/hls/master.m3u8             the master playlist players open
 *   videos/<id>/hls/<rendition>-<gen>/…     a rendition's playlist and segments
 *   videos/<id>/hls/poster-<gen>.jpg        the poster frame
 *   videos/<id>/hls/captions/<lang>-<gen>.* subtitle playlist + WebVTT
 *
 * A playback token opens `hls/` only, never the source. `<gen>` is unique per encode
 * attempt, so a retried or duplicated job never overwrites files a player may be reading.
 */
export const HLS_DIR = "hls";
export const MASTER_PLAYLIST = "master.m3u8";

export function assetPrefix(assetId: string): string {
  return `videos/${assetId}/`;
}

export function sourceKey(assetId: string): string {
  return `${assetPrefix(assetId)}source`;
}

export function hlsKey(assetId: string, path: string): string {
  return `${assetPrefix(assetId)}${HLS_DIR}/${path}`;
}

/**
 * A relative object path inside an asset prefix: no empty, `.` or `..` segments, no
 * backslashes or control characters. Used on every path that arrives in a URL.
 */
export function isSafeRelativePath(path: string): boolean {
  if (path === "" || path.length > 512) return false;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
  if (/[\\\u0000-\u001f\u007f]/.test(path)) return false;
  return path.split("/").every((segment) => segment !== "" && segment !== "." && segment !== "..");
}
