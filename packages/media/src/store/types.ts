/**
 * Object storage for one video asset's files, addressed by a path relative to the asset's
 * prefix (`videos/<assetId>/`, see @lumen/media-tokens layout): "source", "hls/master.m3u8".
 * Production and `pnpm dev` reach R2 through the edge Worker (EdgeMediaStore); unit tests
 * use InMemoryMediaStore.
 */
export interface StoredObject {
  body: ReadableStream<Uint8Array>;
  size: number;
  contentType: string | null;
}

export interface ByteRange {
  offset: number;
  length: number;
}

export type MediaBody = Uint8Array | string | ReadableStream<Uint8Array>;

export interface MediaStore {
  /**
   * The object, or null when there is none. With `range`, only those bytes (clamped to the
   * object's end); `size` is then the length of the range.
   */
  get(assetId: string, path: string, range?: ByteRange): Promise<StoredObject | null>;
  head(assetId: string, path: string): Promise<{ size: number } | null>;
  /** Writes atomically: readers see the old object or the whole new one. */
  put(
    assetId: string,
    path: string,
    body: MediaBody,
    contentType: string,
    /** Required when body is a stream. */
    size?: number,
  ): Promise<void>;
  /** Deletes these paths; missing ones are ignored. */
  delete(assetId: string, paths: readonly string[]): Promise<void>;
  /** Every path under `prefix` (relative to the asset), e.g. list(id, "hls/"). */
  list(assetId: string, prefix: string): Promise<string[]>;
}
