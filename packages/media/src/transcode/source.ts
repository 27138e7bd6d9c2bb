import { join } from "node:path";
import { MediaRejectedError } from "../ffmpeg/errors";
import { type ContainerFormat, SNIFF_BYTES, sniffContainer } from "../ffmpeg/sniff";
import type { MediaStore } from "../store/types";
import type { SourceCache, SourceLease } from "./source-cache";
import { SOURCE_PATH, SourceDownload } from "./source-download";

export { SOURCE_CHUNK_BYTES, SOURCE_PATH } from "./source-download";

/** An asset's source as a job's FFmpeg reads it, while it downloads (source-download.ts). */
export interface OpenedSource {
  /** What FFmpeg and ffprobe read: the download's loopback URL. */
  input: string;
  format: ContainerFormat;
  /** The source's size in bytes. */
  bytes: number;
  /** Resolves when the whole source is on this runner. */
  complete: Promise<void>;
}

/**
 * Opens the asset's source for `fn`: this runner's download of it (kept by `cache`, else a
 * private one in `dir`), named from its first bytes. Anything that is not a container we
 * accept is rejected before FFmpeg ever sees it. When `fn` fails and the download has failed,
 * the download's error is thrown instead: FFmpeg's view of a cut-off stream would otherwise
 * read as damaged media, which is final, where a failed download is retried.
 */
export async function withSource<T>(
  {
    store,
    assetId,
    dir,
    cache,
  }: {
    store: MediaStore;
    assetId: string;
    dir: string;
    /** This runner's downloads: the asset's other jobs here share one. */
    cache?: SourceCache | undefined;
  },
  fn: (source: OpenedSource) => Promise<T>,
): Promise<T> {
  const head = await store.head(assetId, SOURCE_PATH);
  if (!head) throw new Error(`asset ${assetId} has no source in storage`);
  const lease: SourceLease = cache
    ? await cache.open(store, assetId, head.size)
    : await privateDownload(store, assetId, head.size, join(dir, "source"));
  const { download } = lease;
  try {
    const sniffed = sniffContainer(await download.read(0, SNIFF_BYTES));
    if (!sniffed.ok) throw new MediaRejectedError(sniffed.reason);
    return await fn({
      input: download.url,
      format: sniffed.format,
      bytes: download.size,
      complete: download.complete,
    });
  } catch (error) {
    throw download.failure() ?? error;
  } finally {
    await lease.release();
  }
}

async function privateDownload(
  store: MediaStore,
  assetId: string,
  size: number,
  file: string,
): Promise<SourceLease> {
  const download = await SourceDownload.start({ store, assetId, size, file });
  return { download, release: () => download.close() };
}
