import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { lessons, videoRenditions } from "@lumen/db";
import { createTestDatabase, type TestDatabase } from "@lumen/db/testing";
import { type OutboxHandle, openOutbox } from "@lumen/jobs";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InMemoryMediaStore } from "../src/store/memory";
import type { ByteRange, MediaBody } from "../src/store/types";
import { assetRow, createQueuedAsset, storedText, testFfmpeg } from "../src/testing";
import { generateClip } from "../src/testing/clips";
import { encodeRenditions } from "../src/transcode/encode-renditions";
import { playlistSegments } from "../src/transcode/live-rendition";
import { probeVideo } from "../src/transcode/probe-video";
import { createSourceCache } from "../src/transcode/source-cache";

let database: TestDatabase;
let outbox: OutboxHandle;
let dir: string;
let clip: Uint8Array;

beforeAll(async () => {
  database = await createTestDatabase();
  outbox = await openOutbox(database.connection);
  dir = await mkdtemp(join(tmpdir(), "lumen-live-test-"));
  clip = await readFile(await generateClip(dir, { width: 1280, height: 720, seconds: 30 }));
});
afterAll(async () => {
  await outbox.close();
  await database.close();
  await rm(dir, { recursive: true, force: true });
});

interface PlaylistSnapshot {
  text: string;
  /** Listed segments that were not stored when this version of the playlist landed. */
  missing: string[];
  /** Whether the asset was playable (DB) and the rendition ready when it landed. */
  playable: boolean;
  ready: boolean;
  master: string | null;
}

/** Records every version of the 360p playlist as it is stored, with what was true then. */
class WatchedStore extends InMemoryMediaStore {
  snapshots: PlaylistSnapshot[] = [];
  /** Called after each write of the master playlist. */
  onMaster: () => void = () => {};
  override async put(assetId: string, path: string, body: MediaBody, contentType: string) {
    await super.put(assetId, path, body, contentType);
    if (path === "hls/master.m3u8") this.onMaster();
    if (!/^hls\/360p-[^/]+\/index\.m3u8$/.test(path)) return;
    const text = await storedText(this, assetId, path);
    const folder = path.slice(0, path.lastIndexOf("/") + 1);
    const stored = await this.list(assetId, folder);
    const asset = await assetRow(database.db, assetId);
    const rendition = await renditionRow(assetId);
    this.snapshots.push({
      text,
      missing: playlistSegments(text).filter((s) => !stored.includes(`${folder}${s}`)),
      playable: asset.playableAt !== null,
      ready: rendition?.status === "ready",
      master: await storedText(this, assetId, "hls/master.m3u8").catch(() => null),
    });
  }
}

describe("the first rendition is playable while it encodes", () => {
  it("stores a growing EVENT playlist of stored segments before the encode ends, then a finished one", async () => {
    const store = new WatchedStore();
    const { assetId, lessonId } = await createQueuedAsset(database.db);
    await store.put(assetId, "source", clip, "application/octet-stream");
    const { db } = database;
    const ffmpeg = testFfmpeg();
    expect(await probeVideo({ db, store, outbox, ffmpeg, assetId })).toMatchObject({
      outcome: "planned",
      renditions: ["360p", "720p"],
    });

    const encoded = await encodeRenditions(liveInput(store, assetId));

    expect(encoded).toMatchObject({ outcome: "encoded", won: ["360p"], playable: true });
    const { snapshots } = store;
    const growing = snapshots.filter((s) => !s.text.includes("#EXT-X-ENDLIST"));
    const [firstLive] = growing;
    // At least one version a player could open before the encode finished…
    expect(firstLive).toBeDefined();
    expect(firstLive?.text).toContain("#EXT-X-PLAYLIST-TYPE:EVENT");
    expect(playlistSegments(firstLive?.text ?? "").length).toBeGreaterThan(0);
    // …and the asset was playable with it listed in the master playlist, not yet ready.
    const listedLive = growing.filter((s) => s.playable && s.master?.includes("360p-"));
    expect(listedLive.length).toBeGreaterThan(0);
    expect(listedLive.every((s) => !s.ready)).toBe(true);
    // No version ever named a segment that was not stored yet.
    expect(snapshots.every((s) => s.missing.length === 0)).toBe(true);
    // It only grew: each version starts with the one before it (minus nothing).
    for (let i = 1; i < snapshots.length; i++) {
      const before = playlistSegments(snapshots[i - 1]?.text ?? "");
      expect(playlistSegments(snapshots[i]?.text ?? "").slice(0, before.length)).toEqual(before);
    }

    const rendition = await renditionRow(assetId);
    const final = await storedText(store, assetId, `hls/${rendition?.path}/index.m3u8`);
    expect(rendition?.status).toBe("ready");
    expect(final).toMatch(/#EXT-X-ENDLIST\s*$/);
    const segments = playlistSegments(final);
    expect(segments).toHaveLength(5); // 30 s in 6 s segments
    const stored = await store.list(assetId, `hls/${rendition?.path}/`);
    expect(stored.sort()).toEqual(
      [...segments, "index.m3u8"].map((f) => `hls/${rendition?.path}/${f}`).sort(),
    );
    const asset = await assetRow(db, assetId);
    expect(asset.status).toBe("processing"); // 720p is still to come
    expect(asset.playableAt?.getTime()).toBeLessThan(rendition?.readyAt?.getTime() ?? 0);
    const [lesson] = await db.select().from(lessons).where(eq(lessons.id, lessonId));
    expect(lesson?.videoAssetId).toBe(assetId);
  });
});

/** Source reads that take `delayMs` each (R2 far away, a large upload), timed. */
class SlowSourceStore extends WatchedStore {
  delayMs = 0;
  readOrder: number[] = [];
  lastReadAt = 0;
  firstSegmentAt = 0;
  override async get(assetId: string, path: string, range?: ByteRange) {
    if (path === "source" && range) {
      this.readOrder.push(range.offset);
      await new Promise((resolve) => setTimeout(resolve, this.delayMs));
      this.lastReadAt = Date.now();
    }
    return super.get(assetId, path, range);
  }
  override async put(assetId: string, path: string, body: MediaBody, contentType: string) {
    if (!this.firstSegmentAt && /^hls\/360p-[^/]+\/\S+\.ts$/.test(path)) {
      this.firstSegmentAt = Date.now();
    }
    await super.put(assetId, path, body, contentType);
  }
}

describe("a source still downloading", () => {
  it("is probed from its ends and plays before its download finishes (index at the end)", async () => {
    const store = new SlowSourceStore();
    const { assetId } = await createQueuedAsset(database.db);
    await store.put(assetId, "source", clip, "application/octet-stream");
    const { db } = database;
    const ffmpeg = testFfmpeg();
    // The whole download takes ~10 s (two ranged reads at a time), far longer than the
    // first 6 s segment takes to encode from the source's start.
    const chunkBytes = 128 * 1024;
    const chunks = Math.ceil(clip.byteLength / chunkBytes);
    store.delayMs = Math.round((2 * 10_000) / chunks);
    const sources = createSourceCache({ chunkBytes });
    try {
      expect(await probeVideo({ db, store, outbox, ffmpeg, assetId, sources })).toMatchObject({
        outcome: "planned",
      });
      // The clip's index (moov) is at its end: it was fetched as soon as ffprobe asked for it,
      // long before the download from the start got there.
      const last = (chunks - 1) * chunkBytes;
      expect(store.readOrder.indexOf(last)).toBeGreaterThan(0);
      expect(store.readOrder.indexOf(last)).toBeLessThan(chunks / 4);
      const encoded = await encodeRenditions({ ...liveInput(store, assetId), sources });
      expect(encoded).toMatchObject({ outcome: "encoded", won: ["360p"], playable: true });
      expect(store.firstSegmentAt).toBeGreaterThan(0);
      expect(store.firstSegmentAt).toBeLessThan(store.lastReadAt);
      const asset = await assetRow(db, assetId);
      expect(asset.playableAt?.getTime()).toBeLessThan(store.lastReadAt);
      // Every source byte was read once, and the whole video was encoded from them.
      expect(new Set(store.readOrder).size).toBe(chunks);
      expect(store.readOrder).toHaveLength(chunks);
      const rendition = await renditionRow(assetId);
      const final = await storedText(store, assetId, `hls/${rendition?.path}/index.m3u8`);
      expect(playlistSegments(final)).toHaveLength(5);
    } finally {
      await sources.close();
    }
  });
});

describe("a live rendition whose encode fails", () => {
  it("stays listed and stored until the retry publishes its own output and removes it", async () => {
    const store = new WatchedStore();
    const { assetId } = await createQueuedAsset(database.db);
    await store.put(assetId, "source", clip, "application/octet-stream");
    const { db } = database;
    const ffmpeg = testFfmpeg();
    await probeVideo({ db, store, outbox, ffmpeg, assetId });
    // The runner is stopped (or dies) right after the rendition went live.
    const stop = new AbortController();
    store.onMaster = () => stop.abort(new Error("runner stopping"));
    const input = liveInput(store, assetId);

    await expect(encodeRenditions({ ...input, signal: stop.signal })).rejects.toThrow();

    const livePath = (await renditionRow(assetId))?.path;
    expect(livePath).toMatch(/^360p-/);
    const master = await storedText(store, assetId, "hls/master.m3u8");
    expect(master).toContain(`${livePath}/index.m3u8`);
    const kept = await storedText(store, assetId, `hls/${livePath}/index.m3u8`);
    expect(kept).not.toContain("#EXT-X-ENDLIST");
    expect((await assetRow(db, assetId)).playableAt).toBeInstanceOf(Date);

    store.onMaster = () => {};
    const retried = await encodeRenditions(input);

    expect(retried).toMatchObject({ outcome: "encoded", won: ["360p"] });
    const rendition = await renditionRow(assetId);
    expect(rendition?.status).toBe("ready");
    expect(rendition?.path).not.toBe(livePath);
    expect(await storedText(store, assetId, "hls/master.m3u8")).toContain(
      `${rendition?.path}/index.m3u8`,
    );
    expect(await store.list(assetId, `hls/${livePath}/`)).toEqual([]);
  });
});

async function renditionRow(assetId: string) {
  const [row] = await database.db
    .select()
    .from(videoRenditions)
    .where(and(eq(videoRenditions.assetId, assetId), eq(videoRenditions.name, "360p")));
  return row;
}

/** The lowest rung's encode job as the runner runs it (live), polling the playlist often. */
function liveInput(store: InMemoryMediaStore, assetId: string) {
  const { db } = database;
  return {
    db,
    store,
    ffmpeg: testFfmpeg(),
    assetId,
    renditions: ["360p"],
    live: true,
    livePollMs: 50,
  };
}
