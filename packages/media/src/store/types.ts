import type { FilePurpose } from "@lumen/media-tokens";

/**
 * The media bucket, keyed by purpose (ADR 0014, @lumen/media-tokens layout). A video asset's
 * objects are addressed by a path relative to its prefix `videos/<assetId>/` ("source",
 * "hls/master.m3u8"); a document or a certificate is one file, addressed by purpose and id
 * (`documents/<id>.pdf`, `certificates/<id>.pdf`, `attachments/<id>`). Production and `pnpm dev` reach R2 through
 * the edge Worker (EdgeMediaStore); unit tests use InMemoryMediaStore.
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

/** A file stored by purpose: a lesson's document, a certificate's PDF, an assignment attachment. */
export interface StoredFile {
  purpose: FilePurpose;
  id: string;
}

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

  /** The file, or null when there is none; with `range`, only those bytes, as `get` does. */
  getFile(file: StoredFile, range?: ByteRange): Promise<StoredObject | null>;
  headFile(file: StoredFile): Promise<{ size: number } | null>;
  /** Writes atomically, as `put` does; `size` is required when body is a stream. */
  putFile(file: StoredFile, body: MediaBody, contentType: string, size?: number): Promise<void>;
  /** Deletes the file; a missing one is ignored. */
  deleteFile(file: StoredFile): Promise<void>;
}
