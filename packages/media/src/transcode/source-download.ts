import { type FileHandle, open, rm } from "node:fs/promises";
import type { MediaStore } from "../store/types";
import { type ServedSource, serveLocally } from "./source-server";

/** The uploaded original, relative to the asset's prefix (`videos/<id>/source`). */
export const SOURCE_PATH = "source";

/**
 * Download chunk size. Ranged reads keep each request short, so a dropped connection costs one
 * chunk rather than the whole source, and local R2 (Miniflare) serves several runners at once:
 * concurrent whole-object reads of a large source make it drop connections and crash.
 */
export const SOURCE_CHUNK_BYTES = 8 * 1024 * 1024;
const CHUNK_ATTEMPTS = 3;
/** Ranged reads in flight per download: one ahead of the readers, one for a seek elsewhere. */
const FETCHERS = 2;

const MISSING = 0;
const FETCHING = 1;
const PRESENT = 2;

interface Waiter {
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * An asset's source, downloading into a local file while FFmpeg already reads it (ADR 0030).
 *
 * The file is sparse at the source's full size and filled by ranged reads of
 * `SOURCE_CHUNK_BYTES`, two at a time: first the chunk a reader waited for last (an MP4 whose
 * index sits at the end is read there first), else the next missing one after where the
 * readers last were. FFmpeg and ffprobe read it through `url`, a loopback HTTP address with ranges
 * (`source-server.ts`): a read of bytes not downloaded yet waits for them instead of seeing a hole
 * or an early end. So the lowest rung starts encoding after the first chunks arrive, not after
 * the whole source, whatever its length.
 *
 * A chunk that fails every attempt fails the download: waiting readers are rejected, responses
 * are cut off (FFmpeg sees an I/O error, never a clean end), and `failure()` tells the job that
 * the download, not the media, is at fault.
 */
export class SourceDownload implements ServedSource {
  readonly size: number;
  /** Where FFmpeg reads the source; valid until `close()`. */
  url = "";
  /** Resolves when every byte is in the local file; rejects with the download's failure. */
  readonly complete: Promise<void>;
  private readonly state: Uint8Array;
  private readonly waiters = new Map<number, Waiter[]>();
  private present = 0;
  private cursor = 0;
  private failed: Error | null = null;
  private closed = false;
  private settle!: { resolve: () => void; reject: (error: Error) => void };
  private unserve = () => {};

  private constructor(
    private readonly o: {
      store: MediaStore;
      assetId: string;
      file: string;
      handle: FileHandle;
      size: number;
      chunkBytes: number;
    },
  ) {
    this.size = o.size;
    this.state = new Uint8Array(Math.ceil(o.size / o.chunkBytes));
    this.complete = new Promise<void>((resolve, reject) => {
      this.settle = { resolve, reject };
    });
    // A download nobody awaits must not end the process when it fails.
    this.complete.catch(() => {});
  }

  /** Starts downloading the asset's source (`size` bytes, from `store.head`) into `file`. */
  static async start(o: {
    store: MediaStore;
    assetId: string;
    size: number;
    file: string;
    chunkBytes?: number;
  }): Promise<SourceDownload> {
    const handle = await open(o.file, "wx+", 0o600);
    await handle.truncate(o.size);
    const download = new SourceDownload({
      ...o,
      handle,
      chunkBytes: o.chunkBytes ?? SOURCE_CHUNK_BYTES,
    });
    const served = await serveLocally(download);
    download.url = served.url;
    download.unserve = served.stop;
    if (download.state.length === 0) download.settle.resolve();
    for (let i = 0; i < Math.min(FETCHERS, download.state.length); i++) void download.fetcher();
    return download;
  }

  get file(): string {
    return this.o.file;
  }

  /** The chunks readers are waiting for, lowest first. */
  waitingFor(): number[] {
    return [...this.waiters.keys()].sort((a, b) => a - b);
  }

  /** Why the download failed, or null while it goes (or went) well. */
  failure(): Error | null {
    return this.failed;
  }

  /**
   * Bytes `offset…offset+length` (clamped to the end), once they are downloaded. `signal` ends
   * the wait (a reader that went away must not keep its chunk first in line).
   */
  async read(offset: number, length: number, signal?: AbortSignal): Promise<Uint8Array> {
    const end = Math.min(this.size, offset + length);
    const bytes = new Uint8Array(Math.max(0, end - offset));
    for (let at = offset; at < end; ) {
      const chunk = Math.floor(at / this.o.chunkBytes);
      await this.chunk(chunk, signal);
      const upTo = Math.min(end, (chunk + 1) * this.o.chunkBytes);
      await this.o.handle.read(bytes, at - offset, upTo - at, at);
      at = upTo;
    }
    return bytes;
  }

  /** Stops downloading and removes the local file; readers still waiting are rejected. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.fail(new Error("the source download was closed"));
    this.closed = true;
    this.unserve();
    await this.o.handle.close().catch(() => {});
    await rm(this.o.file, { force: true });
  }

  /**
   * Resolves once chunk `index` is in the file. The chunk waited for last is fetched next: a
   * reader that seeks (ffprobe to an MP4's index at the end, then back to its start) is served
   * where it is now, not where it was.
   */
  private chunk(index: number, signal?: AbortSignal): Promise<void> {
    if (this.state[index] === PRESENT) return Promise.resolve();
    if (this.failed) return Promise.reject(this.failed);
    if (signal?.aborted) return Promise.reject(signal.reason);
    this.cursor = index;
    return new Promise<void>((resolve, reject) => {
      const list = this.waiters.get(index) ?? [];
      const onAbort = () => {
        const left = (this.waiters.get(index) ?? []).filter((w) => w !== waiter);
        if (left.length > 0) this.waiters.set(index, left);
        else this.waiters.delete(index);
        reject(signal?.reason);
      };
      const waiter: Waiter = {
        resolve: () => {
          signal?.removeEventListener("abort", onAbort);
          resolve();
        },
        reject: (error) => {
          signal?.removeEventListener("abort", onAbort);
          reject(error);
        },
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      list.push(waiter);
      // Map order is the order of the latest wait for each chunk.
      this.waiters.delete(index);
      this.waiters.set(index, list);
    });
  }

  /** The chunk to fetch next: the one waited for last, else the next after the readers. */
  private pick(): number {
    for (const index of [...this.waiters.keys()].reverse()) {
      if (this.state[index] === MISSING) return index;
    }
    const n = this.state.length;
    for (let i = 0; i < n; i++) {
      const index = (this.cursor + i) % n;
      if (this.state[index] === MISSING) return index;
    }
    return -1;
  }

  private async fetcher(): Promise<void> {
    for (let index = this.pick(); index >= 0 && !this.failed; index = this.pick()) {
      this.state[index] = FETCHING;
      try {
        await this.fetchChunk(index);
      } catch (error) {
        this.fail(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      this.state[index] = PRESENT;
      this.present += 1;
      for (const waiter of this.waiters.get(index) ?? []) waiter.resolve();
      this.waiters.delete(index);
      if (this.present === this.state.length) this.settle.resolve();
    }
  }

  /** One ranged read written at its offset, retried a few times. */
  private async fetchChunk(index: number): Promise<void> {
    const offset = index * this.o.chunkBytes;
    const length = Math.min(this.o.chunkBytes, this.size - offset);
    for (let attempt = 1; ; attempt++) {
      try {
        const object = await this.o.store.get(this.o.assetId, SOURCE_PATH, { offset, length });
        if (!object) throw new Error(`asset ${this.o.assetId}: source vanished during download`);
        const bytes = new Uint8Array(await new Response(object.body).arrayBuffer());
        if (bytes.byteLength !== length) {
          throw new Error(`chunk at ${offset}: got ${bytes.byteLength} of ${length} bytes`);
        }
        if (this.closed) throw new Error("the source download was closed");
        await this.o.handle.write(bytes, 0, length, offset);
        return;
      } catch (error) {
        if (attempt >= CHUNK_ATTEMPTS || this.closed) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
      }
    }
  }

  private fail(error: Error) {
    if (this.failed) return;
    this.failed = error;
    for (const list of this.waiters.values()) for (const waiter of list) waiter.reject(error);
    this.waiters.clear();
    this.settle.reject(error);
  }
}
