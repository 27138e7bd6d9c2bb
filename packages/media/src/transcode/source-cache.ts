import { rmSync } from "node:fs";
import { link, mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ContainerFormat } from "../ffmpeg/sniff";

/**
 * Sources this runner downloaded, kept a few minutes so the jobs that follow a probe on the
 * same runner (the lowest rung, then the ladder) encode from the copy it fetched instead of
 * downloading it again: for a 60 s 1080p upload that is ~1 s per job through local R2, on the
 * way to the first playable segment (ADR 0030). A miss (another runner, an expired entry)
 * downloads as before.
 *
 * Entries are hard links in a private directory (0700, under the OS temp dir like the jobs'
 * own): a job links the kept file into its own directory, so removing either name leaves the
 * other whole, and nothing is copied. A source is immutable once its upload completed, and a
 * kept file is only handed out when its size matches the stored object's. Bounded by entries
 * and age, since sources can be gigabytes; the directory goes when the process exits.
 */
export interface SourceCache {
  /** Keeps a downloaded, checked source for the asset's later jobs on this runner. */
  keep(assetId: string, file: string, format: ContainerFormat): Promise<void>;
  /** Links the asset's kept source into `dir` as `source`, if kept and `size` bytes long. */
  take(
    assetId: string,
    size: number,
    dir: string,
  ): Promise<{ file: string; format: ContainerFormat } | null>;
  /** Removes every kept source. */
  close(): Promise<void>;
}

interface Entry {
  file: string;
  format: ContainerFormat;
  keptAt: number;
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
}: {
  maxEntries?: number;
  maxAgeMs?: number;
  now?: () => number;
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
  const drop = async (assetId: string) => {
    const entry = entries.get(assetId);
    entries.delete(assetId);
    if (entry) await rm(entry.file, { force: true });
  };
  const evict = async () => {
    const expired = [...entries].filter(([, e]) => now() - e.keptAt > maxAgeMs);
    for (const [assetId] of expired) await drop(assetId);
    // Map order is insertion order: the oldest go first.
    while (entries.size > maxEntries) {
      const [oldest] = entries.keys();
      if (oldest === undefined) break;
      await drop(oldest);
    }
  };

  return {
    async keep(assetId, file, format) {
      await drop(assetId);
      const kept = join(await dir(), assetId);
      try {
        await link(file, kept);
      } catch {
        return; // another file system, or no room for a name: the next job downloads
      }
      entries.set(assetId, { file: kept, format, keptAt: now() });
      await evict();
    },
    async take(assetId, size, into) {
      await evict();
      const entry = entries.get(assetId);
      if (!entry) return null;
      const file = join(into, "source");
      try {
        if ((await stat(entry.file)).size !== size) {
          await drop(assetId);
          return null;
        }
        await link(entry.file, file);
      } catch {
        await drop(assetId);
        return null;
      }
      return { file, format: entry.format };
    },
    async close() {
      entries.clear();
      if (directory) {
        const made = await directory;
        await rm(made, { recursive: true, force: true });
        directories.delete(made);
      }
      directory = null;
    },
  };
}
