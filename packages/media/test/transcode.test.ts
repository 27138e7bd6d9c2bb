import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { lessons, videoAssets, videoRenditions } from "@lumen/db";
import { createTestDatabase, type TestDatabase } from "@lumen/db/testing";
import { type OutboxHandle, openOutbox } from "@lumen/jobs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveFfmpeg } from "../src/ffmpeg/binaries";
import { InMemoryMediaStore } from "../src/store/memory";
import {
  assetRow,
  createQueuedAsset,
  encodeJobsFor,
  recordedFfmpeg,
  runPipeline,
  SourceReadsStore,
  storedText,
} from "../src/testing";
import { generateClip } from "../src/testing/clips";
import { NPM_BUILD_PATHS, TEST_FFMPEG_BUILD } from "../src/testing/ffmpeg";
import { probeVideo } from "../src/transcode/probe-video";
import { createSourceCache, type SourceCache } from "../src/transcode/source-cache";

let database: TestDatabase;
let outbox: OutboxHandle;
let dir: string;
let clip360: Uint8Array;
let tools: Awaited<ReturnType<typeof recordedFfmpeg>>;

beforeAll(async () => {
  database = await createTestDatabase();
  outbox = await openOutbox(database.connection);
  dir = await mkdtemp(join(tmpdir(), "lumen-transcode-test-"));
  tools = await recordedFfmpeg(dir);
  clip360 = await readFile(await generateClip(dir, { width: 640, height: 360, seconds: 4 }));
});
afterAll(async () => {
  await outbox.close();
  await database.close();
  await rm(dir, { recursive: true, force: true });
});

/** Probe, then every encode job it planned, with the recording FFmpeg (on one runner's cache). */
function pipeline(store: InMemoryMediaStore, assetId: string, sources?: SourceCache) {
  return runPipeline({
    db: database.db,
    store,
    outbox,
    ffmpeg: tools.ffmpeg,
    assetId,
    ...(sources ? { sources } : {}),
  });
}

async function uploadedAsset(store: InMemoryMediaStore, source: Uint8Array, createdAt?: Date) {
  const asset = await createQueuedAsset(database.db, { createdAt });
  await store.put(asset.assetId, "source", source, "application/octet-stream");
  return asset;
}

describe("transcoding an uploaded video", () => {
  it("makes a 360p source ready with one 360p rendition, a poster and a master playlist", async () => {
    const store = new InMemoryMediaStore();
    const { assetId, lessonId } = await uploadedAsset(store, clip360);
    const { db } = database;

    const { probed, encoded } = await pipeline(store, assetId);

    expect(probed).toMatchObject({ outcome: "planned", renditions: ["360p"] });
    expect(encoded).toMatchObject([{ outcome: "encoded", won: ["360p"], ready: true }]);
    const asset = await assetRow(db, assetId);
    expect(asset).toMatchObject({ status: "ready", width: 640, height: 360, failureReason: null });
    expect(asset.durationSeconds).toBeCloseTo(4, 0);
    expect(asset.processingStartedAt).toBeInstanceOf(Date);
    expect(asset.playableAt).toBeInstanceOf(Date);
    expect(asset.readyAt).toBeInstanceOf(Date);

    const renditions = await db
      .select()
      .from(videoRenditions)
      .where(eq(videoRenditions.assetId, assetId));
    expect(renditions).toHaveLength(1);
    const [r] = renditions;
    expect(r).toMatchObject({ name: "360p", width: 640, height: 360, status: "ready" });
    expect(r?.progress).toBe(100);
    expect(r?.path).toMatch(/^360p-[0-9a-f]+$/);
    expect(r?.codecs).toMatch(/^avc1\.[0-9a-f]{6},mp4a\.40\.2$/);

    const poster = await store.get(assetId, `hls/${asset.posterPath}`);
    expect(poster?.contentType).toBe("image/jpeg");
    const posterBytes = new Uint8Array(await new Response(poster?.body).arrayBuffer());
    expect([...posterBytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);

    const master = await storedText(store, assetId, "hls/master.m3u8");
    expect(master).toContain(`RESOLUTION=640x360,CODECS="${r?.codecs}"`);
    expect(master).toContain(`${r?.path}/index.m3u8`);
    const variant = await storedText(store, assetId, `hls/${r?.path}/index.m3u8`);
    const segments = variant.split("\n").filter((line) => line.endsWith(".ts"));
    expect(segments.length).toBeGreaterThan(0);
    for (const segment of segments) {
      const stored = await store.get(assetId, `hls/${r?.path}/${segment}`);
      expect(stored?.contentType).toBe("video/mp2t");
      expect(stored?.size).toBeGreaterThan(0);
    }

    const [lesson] = await db.select().from(lessons).where(eq(lessons.id, lessonId));
    expect(lesson?.videoAssetId).toBe(assetId);
  });

  it("on one runner, the encode starts from the probe's download: the source is read once", async () => {
    const store = new SourceReadsStore();
    const { assetId } = await uploadedAsset(store, clip360);
    const sources = createSourceCache();
    try {
      const { encoded } = await pipeline(store, assetId, sources);
      expect(encoded).toMatchObject([{ outcome: "encoded", won: ["360p"], ready: true }]);
      // One ranged read (the clip is under a chunk), by the probe; none by the encode.
      expect(store.sourceReads).toBe(1);
      expect((await assetRow(database.db, assetId)).status).toBe("ready");
    } finally {
      await sources.close();
    }
  });

  it("renders the poster after the plan is committed, and a poster that fails leaves none, not a failed video", async () => {
    // An ffmpeg that refuses to write posters and nothing else.
    const noPosters = join(dir, "ffmpeg-no-posters");
    await writeFile(
      noPosters,
      `#!/bin/sh\ncase "$*" in *poster.jpg*) echo 'poster refused' >&2; exit 1;; esac\nexec '${tools.ffmpeg.ffmpegPath}' "$@"\n`,
    );
    await chmod(noPosters, 0o755);
    const store = new InMemoryMediaStore();
    const { assetId } = await uploadedAsset(store, clip360);
    const ffmpeg = { ...tools.ffmpeg, ffmpegPath: noPosters };

    const probed = await probeVideo({ db: database.db, store, outbox, ffmpeg, assetId });
    expect(probed).toMatchObject({ outcome: "planned", renditions: ["360p"] });
    expect(probed.outcome === "planned" && probed.posterError).toMatch(/poster/i);
    expect(await encodeJobsFor(database.db, assetId)).toHaveLength(1);
    const asset = await assetRow(database.db, assetId);
    expect(asset).toMatchObject({ status: "processing", posterPath: null, failureReason: null });
    expect([...store.objects.keys()].filter((k) => k.includes("poster"))).toEqual([]);
  });

  it("runs probe, poster, encode and codec checks of an MPEG-TS upload on the build under test", async () => {
    const store = new InMemoryMediaStore();
    const source = await generateClip(dir, { width: 640, height: 360, seconds: 2, name: "in.ts" });
    const { assetId } = await uploadedAsset(store, await readFile(source));
    await tools.clearCalls();

    const { encoded } = await pipeline(store, assetId);

    expect(encoded).toMatchObject([{ outcome: "encoded", won: ["360p"], ready: true }]);
    const asset = await assetRow(database.db, assetId);
    expect(asset).toMatchObject({ status: "ready", failureReason: null });
    const master = await storedText(store, assetId, "hls/master.m3u8");
    expect(master).toMatch(/CODECS="avc1\.[0-9a-f]{6},mp4a\.40\.2"/);
    // Which binaries ran: with LUMEN_TEST_FFMPEG=npm, the npm-shipped ones and nothing else.
    const ran = [...new Set((await tools.calls()).map((line) => line.split(" ")[0]))];
    // Otherwise the system's, found on PATH: `bundled: false` throws rather than fall back to
    // the npm build, so a machine without a system FFmpeg cannot pass this as "system".
    const system = resolveFfmpeg({ bundled: false });
    const expected =
      TEST_FFMPEG_BUILD === "npm"
        ? [NPM_BUILD_PATHS.ffmpeg, NPM_BUILD_PATHS.ffprobe].map((p) => expect.stringMatching(p))
        : [system.ffmpegPath, system.ffprobePath];
    if (TEST_FFMPEG_BUILD === "system") {
      for (const path of ran) expect(path).not.toMatch(/node_modules/);
    }
    expect(ran).toHaveLength(2);
    expect(ran).toEqual(expect.arrayContaining(expected));
  });

  it("plans the lowest rendition as its own high-priority job and the rest as a second", async () => {
    const store = new InMemoryMediaStore();
    const clip = await readFile(await generateClip(dir, { width: 1280, height: 720, seconds: 2 }));
    const { assetId } = await uploadedAsset(store, clip);

    const probed = await probeVideo({
      db: database.db,
      store,
      outbox,
      ffmpeg: tools.ffmpeg,
      assetId,
    });

    expect(probed).toMatchObject({ outcome: "planned", renditions: ["360p", "720p"] });
    expect(await encodeJobsFor(database.db, assetId)).toEqual([
      { renditions: ["360p"], priority: 10 },
      { renditions: ["720p"], priority: 0 },
    ]);
    const again = await probeVideo({
      db: database.db,
      store,
      outbox,
      ffmpeg: tools.ffmpeg,
      assetId,
    });
    expect(again).toEqual({ outcome: "skipped", reason: "already planned" });
    expect(await encodeJobsFor(database.db, assetId)).toHaveLength(2);
  });

  it("keeps a lesson on its newer video when an older upload becomes playable", async () => {
    const store = new InMemoryMediaStore();
    const older = await uploadedAsset(store, clip360, new Date(Date.now() - 60_000));
    const newer = await createQueuedAsset(database.db, { lessonId: older.lessonId });
    await database.db
      .update(lessons)
      .set({ videoAssetId: newer.assetId })
      .where(eq(lessons.id, older.lessonId));

    await pipeline(store, older.assetId);

    expect((await assetRow(database.db, older.assetId)).status).toBe("ready");
    const [lesson] = await database.db
      .select({ videoAssetId: lessons.videoAssetId })
      .from(lessons)
      .where(eq(lessons.id, older.lessonId));
    expect(lesson?.videoAssetId).toBe(newer.assetId);
  });

  it("leaves a cancelled asset alone", async () => {
    const store = new InMemoryMediaStore();
    const { assetId } = await uploadedAsset(store, clip360);
    await database.db
      .update(videoAssets)
      .set({ status: "cancelled" })
      .where(eq(videoAssets.id, assetId));
    await tools.clearCalls();

    const probed = await probeVideo({
      db: database.db,
      store,
      outbox,
      ffmpeg: tools.ffmpeg,
      assetId,
    });

    expect(probed).toEqual({ outcome: "skipped", reason: "asset is cancelled" });
    expect(await tools.calls()).toEqual([]);
    expect(await encodeJobsFor(database.db, assetId)).toEqual([]);
  });
});
