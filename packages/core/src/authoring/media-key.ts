/** Media blobs are keyed by the SHA-256 of their bytes, in lowercase hex. */
export const MEDIA_KEY_PATTERN = /^[0-9a-f]{64}$/;

/** Where the API serves a blob (same origin as the SPA via its proxy). */
export function mediaUrl(key: string): string {
  return `/media/${key}`;
}
