import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { MediaStore } from "../store/types";
import { SourceDownload } from "./source-download";

/**
 * The sources this runner is downloading or downloaded, shared by an asset's jobs on it: the
 * probe starts the download, and the lowest rung, then the ladder, read the same one (still
 * filling, or whole) instead of downloading again (ADR 0030). A miss (another runner, an
 * expired entry) starts a download of its own.
 *
 * A job holds its lease while FFmpeg reads: a held download is never removed. Unheld ones are
 * kept a few minutes and a few at a time (sources can be gigabytes), in a private directory
 * (0700, under the OS temp dir like the jobs' own) that goes when the process exits. A source
 * is immutable once its upload completed; a kept download is only handed out when its size is
 * the stored object's and it has not failed.
 */
export interface SourceCache {
  /** The asset's source download on this runner, kept or new; release the lease when done. */
  open(store: MediaStore, assetId: string, size: number): Promise<SourceLease>;
  /** Removes every kept download and the directory (at the runner's shutdown). */
  close(): Promise<void>;
}

export interface SourceLease {
  download: SourceDownload;
  release(): Promise<void>;
}

interface Entry {
  download: SourceDownload;
  holders: number;
  usedAt: number;
  /** Out of the map (failed, replaced, evicted while held): closed when its last holder goes. */
  dropped: boolean;
}

/** Every cache directory this process made: removed when it exits, if not closed before. */
const directories = new Set<string>();
let exitHook = false;
function removeAtExit(dir: string) {
  directories.add(dir);
  if (exitHook) return;
  exitHook = true;
  process.once("exit", () => {
    for (const d of directories) rmSync(d, { recursive: true, force: true });
  });
}

export function createSourceCache({
  maxEntries = 4,
  maxAgeMs = 10 * 60_000,
  now = Date.now,
  chunkBytes,
}: {
  maxEntries?: number;
  maxAgeMs?: number;
  now?: () => number;
  /** Download chunk size (tests use small ones). */
  chunkBytes?: number;
} = {}): SourceCache {
  const entries = new Map<string, Entry>();
  let directory: Promise<string> | null = null;
  const dir = () => {
    directory ??= mkdtemp(join(tmpdir(), "lumen-sources-")).then((made) => {
      removeAtExit(made);
      return made;
    });
    return directory;
  };
  const drop = async (assetId: string, entry: Entry) => {
    if (entries.get(assetId) === entry) entries.delete(assetId);
    entry.dropped = true;
    if (entry.holders === 0) await entry.download.close();
  };
  const evict = async () => {
    for (const [assetId, entry] of [...entries]) {
      const unheld = entry.holders === 0;
      if (entry.download.failure() || (unheld && now() - entry.usedAt > maxAgeMs)) {
        await drop(assetId, entry);
      }
    }
    // Map order is insertion order: the oldest unheld go first.
    for (const [assetId, entry] of [...entries]) {
      if (entries.size <= maxEntries) break;
      if (entry.holders === 0) await drop(assetId, entry);
    }
  };
  const lease = (entry: Entry): SourceLease => {
    entry.holders += 1;
    let released = false;
    return {
      download: entry.download,
      async release() {
        if (released) return;
        released = true;
        entry.holders -= 1;
        entry.usedAt = now();
        if (entry.dropped && entry.holders === 0) await entry.download.close();
        await evict();
      },
    };
  };

  return {
    async open(store, assetId, size) {
      await evict();
      const kept = entries.get(assetId);
      if (kept && kept.download.size === size && !kept.download.failure()) return lease(kept);
      if (kept) await drop(assetId, kept);
      const file = join(await dir(), `${assetId}-${randomBytes(4).toString("hex")}`);
      const download = await SourceDownload.start({ store, assetId, size, file, chunkBytes });
      const entry: Entry = { download, holders: 0, usedAt: now(), dropped: false };
      entries.set(assetId, entry);
      const held = lease(entry);
      await evict();
      return held;
    },
    async close() {
      for (const [assetId, entry] of [...entries]) await drop(assetId, entry);
      // A download still held keeps reading its open file after the directory goes.
      if (directory) {
        const made = await directory;
        await rm(made, { recursive: true, force: true });
        directories.delete(made);
        directory = null;
      }
    },
  };
}
