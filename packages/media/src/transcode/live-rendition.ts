import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { MediaStore } from "../store/types";
import { contentTypeFor, RENDITION_PLAYLIST } from "./upload";

/** How often the local playlist is read while ffmpeg writes it. */
const DEFAULT_POLL_MS = 200;
const UPLOAD_PARALLELISM = 4;

/** The segment file names an HLS media playlist lists, in order. */
export function playlistSegments(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
}

export interface LiveRendition {
  /**
   * Waits for ffmpeg's last playlist (with ENDLIST) and everything it names to be uploaded.
   * Throws the first upload error, if any.
   */
  finish(): Promise<void>;
  /** Stops uploading (after a failure); resolves once no upload is in flight. */
  stop(): Promise<void>;
}

/**
 * Whether a playlist read from disk while ffmpeg writes it is a whole one that extends the
 * last one uploaded: it starts with the header, ends with a line break, every `#EXTINF` is
 * followed by its segment, and it names every segment named before, in the same order. Older
 * FFmpeg builds (the npm-shipped fallback among them) rewrite the playlist in place rather than
 * through a temporary file, so a read can catch it truncated, even empty.
 */
export function isWholePlaylist(text: string, before: readonly string[]): boolean {
  if (!text.startsWith("#EXTM3U") || !text.endsWith("\n")) return false;
  const lines = text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
  for (let i = 0; i < lines.length; i++) {
    const next = lines[i + 1];
    if (lines[i]?.startsWith("#EXTINF") && (next === undefined || next.startsWith("#"))) {
      return false;
    }
  }
  const segments = playlistSegments(text);
  return before.every((segment, i) => segments[i] === segment);
}

/**
 * Follows one rendition while ffmpeg encodes it with an EVENT playlist (`-hls_flags
 * temp_file`, so that segments appear whole; the playlist is checked with `isWholePlaylist`):
 * each time the playlist changes, uploads the segments it names that are not up yet, then the
 * playlist itself, so the stored playlist never names a segment that is not stored. After the
 * first upload that names at least one segment, `onPlayable` runs once (the caller publishes
 * the rendition); a failure there stops following, like an upload failure.
 */
export function followLiveRendition(o: {
  store: MediaStore;
  assetId: string;
  localDir: string;
  /** Directory under hls/, e.g. "360p-k3j9x2". */
  dir: string;
  written: string[];
  onPlayable: (firstSegment: string) => Promise<void>;
  pollMs?: number;
}): LiveRendition {
  const uploaded = new Set<string>();
  let lastPlaylist = "";
  let lastSegments: string[] = [];
  let playable = false;
  let stopped = false;
  let failure: { error: unknown } | null = null;

  const put = async (file: string, body: Uint8Array | string, type: string) => {
    const path = `hls/${o.dir}/${file}`;
    await o.store.put(o.assetId, path, body, type);
    if (!o.written.includes(path)) o.written.push(path);
  };

  /**
   * One pass: upload what the current local playlist names, then the playlist. While ffmpeg
   * runs, a playlist caught mid-write is left for the next pass; after it exited (`final`),
   * the playlist on disk is its last word and must be whole.
   */
  const sync = async (final = false) => {
    let text: string;
    try {
      text = await readFile(join(o.localDir, RENDITION_PLAYLIST), "utf8");
    } catch (error) {
      if (final) throw error;
      return; // ffmpeg has not written its first playlist yet
    }
    if (text === lastPlaylist) return;
    if (!isWholePlaylist(text, lastSegments)) {
      if (final) throw new Error(`ffmpeg's last ${RENDITION_PLAYLIST} is not a whole playlist`);
      return;
    }
    const segments = playlistSegments(text);
    const missing = segments.filter((s) => !uploaded.has(s));
    let next = 0;
    const worker = async () => {
      while (next < missing.length) {
        const file = missing[next++] as string;
        await put(file, await readFile(join(o.localDir, file)), contentTypeFor(file));
        uploaded.add(file);
      }
    };
    await Promise.all(Array.from({ length: UPLOAD_PARALLELISM }, worker));
    await put(RENDITION_PLAYLIST, text, contentTypeFor(RENDITION_PLAYLIST));
    lastPlaylist = text;
    lastSegments = segments;
    const [first] = segments;
    if (!playable && first) {
      playable = true;
      await o.onPlayable(join(o.localDir, first));
    }
  };

  const loop = (async () => {
    while (!stopped && !failure) {
      await sync().catch((error: unknown) => {
        failure ??= { error };
      });
      if (!stopped) await new Promise((r) => setTimeout(r, o.pollMs ?? DEFAULT_POLL_MS));
    }
  })();

  return {
    async finish() {
      stopped = true;
      await loop;
      if (!failure) await sync(true).catch((error: unknown) => (failure ??= { error }));
      if (failure) throw failure.error;
    },
    async stop() {
      stopped = true;
      await loop;
    },
  };
}
