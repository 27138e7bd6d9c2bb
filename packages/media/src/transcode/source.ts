import { type FileHandle, open, stat } from "node:fs/promises";
import { join } from "node:path";
import { MediaRejectedError } from "../ffmpeg/errors";
import { type ContainerFormat, readFileHead, sniffContainer } from "../ffmpeg/sniff";
import type { MediaStore } from "../store/types";
import type { SourceCache } from "./source-cache";

/** The uploaded original, relative to the asset's prefix (`videos/<id>/source`). */
export const SOURCE_PATH = "source";

export interface LocalSource {
  file: string;
  format: ContainerFormat;
}

/**
 * Download chunk size. Ranged reads keep each request short, so a dropped connection costs one
 * chunk rather than the whole source, and local R2 (Miniflare) serves several runners at once:
 * concurrent whole-object reads of a large source make it drop connections and crash.
 */
export const SOURCE_CHUNK_BYTES = 8 * 1024 * 1024;
const CHUNK_ATTEMPTS = 3;

/**
 * Streams the asset's source from storage into `dir` (sources can be gigabytes: never held in
 * memory), chunk by chunk, and names its container from its first bytes. Anything that is not
 * a container we accept is rejected before FFmpeg ever sees it.
 */
export async function fetchSource({
  store,
  assetId,
  dir,
  signal,
  cache,
}: {
  store: MediaStore;
  assetId: string;
  dir: string;
  signal?: AbortSignal | undefined;
  /** This runner's kept sources: a hit is linked into `dir`, a download is kept there. */
  cache?: SourceCache | undefined;
}): Promise<LocalSource> {
  const head = await store.head(assetId, SOURCE_PATH);
  if (!head) throw new Error(`asset ${assetId} has no source in storage`);
  const kept = await cache?.take(assetId, head.size, dir);
  if (kept) return kept;
  const file = join(dir, "source");
  const out = await open(file, "wx", 0o600);
  try {
    for (let offset = 0; offset < head.size; offset += SOURCE_CHUNK_BYTES) {
      const length = Math.min(SOURCE_CHUNK_BYTES, head.size - offset);
      await downloadChunk({ store, assetId, offset, length, out, signal });
    }
  } finally {
    await out.close();
  }
  const { size } = await stat(file);
  if (size !== head.size) {
    // A cut-off download, not a bad upload: throwing a plain Error lets the job retry.
    throw new Error(`source download ended at ${size} of ${head.size} bytes`);
  }
  const sniffed = sniffContainer(await readFileHead(file));
  if (!sniffed.ok) throw new MediaRejectedError(sniffed.reason);
  await cache?.keep(assetId, file, sniffed.format);
  return { file, format: sniffed.format };
}

/** One ranged read appended to `out`, retried a few times (each retry starts the chunk over). */
async function downloadChunk(o: {
  store: MediaStore;
  assetId: string;
  offset: number;
  length: number;
  out: FileHandle;
  signal?: AbortSignal | undefined;
}): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    o.signal?.throwIfAborted();
    try {
      const range = { offset: o.offset, length: o.length };
      const object = await o.store.get(o.assetId, SOURCE_PATH, range);
      if (!object) throw new Error(`asset ${o.assetId}: source vanished during download`);
      const bytes = new Uint8Array(await new Response(object.body).arrayBuffer());
      if (bytes.byteLength !== o.length) {
        throw new Error(`chunk at ${o.offset}: got ${bytes.byteLength} of ${o.length} bytes`);
      }
      await o.out.write(bytes, 0, bytes.byteLength, o.offset);
      return;
    } catch (error) {
      if (attempt >= CHUNK_ATTEMPTS || o.signal?.aborted) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    }
  }
}
