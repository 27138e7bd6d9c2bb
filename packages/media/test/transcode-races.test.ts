import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { videoRenditions } from "@lumen/db";
import { createTestDatabase, type TestDatabase } from "@lumen/db/testing";
import { type OutboxHandle, openOutbox } from "@lumen/jobs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InMemoryMediaStore } from "../src/store/memory";
import type { MediaBody, MediaStore, StoredFile } from "../src/store/types";
import { assetRow, createQueuedAsset, recordedFfmpeg, storedText } from "../src/testing";
import { generateClip } from "../src/testing/clips";
import { encodeRenditions } from "../src/transcode/encode-renditions";
import { probeVideo } from "../src/transcode/probe-video";

let database: TestDatabase;
let outbox: OutboxHandle;
let dir: string;
let clip: Uint8Array;
let tools: Awaited<ReturnType<typeof recordedFfmpeg>>;

beforeAll(async () => {
  database = await createTestDatabase();
  outbox = await openOutbox(database.connection);
  dir = await mkdtemp(join(tmpdir(), "lumen-transcode-races-"));
  tools = await recordedFfmpeg(dir);
  clip = await readFile(await generateClip(dir, { width: 640, height: 360, seconds: 3 }));
});
afterAll(async () => {
  await outbox.close();
  await database.close();
  await rm(dir, { recursive: true, force: true });
});

/**
 * Simulates a runner dying mid-upload: after `putsLeft` rendition files the connection is gone
 * for good, so the attempt can neither finish nor clean up what it already wrote.
 */
class StoreThatDiesMidUpload implements MediaStore {
  private dead = false;
  constructor(
    private readonly inner: MediaStore,
    private putsLeft: number,
  ) {}
  private check() {
    if (this.dead) throw new Error("storage connection lost");
  }
  async get(assetId: string, path: string) {
    this.check();
    return this.inner.get(assetId, path);
  }
  async head(assetId: string, path: string) {
    this.check();
    return this.inner.head(assetId, path);
  }
  async list(assetId: string, prefix: string) {
    this.check();
    return this.inner.list(assetId, prefix);
  }
  async delete(assetId: string, paths: readonly string[]) {
    this.check();
    return this.inner.delete(assetId, paths);
  }
  async put(assetId: string, path: string, body: MediaBody, contentType: string) {
    this.check();
    if (/^hls\/\d+p-/.test(path) && this.putsLeft-- <= 0) this.dead = true;
    this.check();
    return this.inner.put(assetId, path, body, contentType);
  }
  getFile = (file: StoredFile) => this.inner.getFile(file);
  headFile = (file: StoredFile) => this.inner.headFile(file);
  putFile = (file: StoredFile, body: MediaBody, type: string) =>
    this.inner.putFile(file, body, type);
  deleteFile = (file: StoredFile) => this.inner.deleteFile(file);
}

async function plannedAsset(store: MediaStore) {
  const { assetId } = await createQueuedAsset(database.db);
  await store.put(assetId, "source", clip, "application/octet-stream");
  const { db } = database;
  const probed = await probeVideo({ db, store, outbox, ffmpeg: tools.ffmpeg, assetId });
  expect(probed).toMatchObject({ outcome: "planned", renditions: ["360p"] });
  return assetId;
}

/** The master playlist's rendition directories, and every directory stored under hls/. */
async function outputsOf(store: MediaStore, assetId: string) {
  const master = await storedText(store, assetId, "hls/master.m3u8");
  const referenced = master
    .split("\n")
    .filter((line) => line.endsWith("/index.m3u8"))
    .map((line) => line.replace(/\/index\.m3u8$/, ""));
  const stored = new Set(
    (await store.list(assetId, "hls/360p-")).map((path) => path.split("/")[1]),
  );
  return { referenced, stored: [...stored] };
}

describe("duplicate and interrupted encodes", () => {
  it("publishes one of two simultaneous encodes of a rendition and deletes the other's output", async () => {
    const store = new InMemoryMediaStore();
    const assetId = await plannedAsset(store);
    const { db } = database;
    const encode = () =>
      encodeRenditions({ db, store, ffmpeg: tools.ffmpeg, assetId, renditions: ["360p"] });

    const results = await Promise.all([encode(), encode()]);

    const won = results.filter((r) => r.outcome === "encoded" && r.won.includes("360p"));
    const lost = results.filter((r) => r.outcome === "encoded" && r.lost.includes("360p"));
    expect([won.length, lost.length]).toEqual([1, 1]);
    const [row] = await db
      .select()
      .from(videoRenditions)
      .where(eq(videoRenditions.assetId, assetId));
    const { referenced, stored } = await outputsOf(store, assetId);
    expect(referenced).toEqual([row?.path]);
    expect(stored).toEqual([row?.path]);
    expect((await assetRow(db, assetId)).status).toBe("ready");
  });

  it("after a crash mid-upload, the retry's output is the only one left and referenced", async () => {
    const store = new InMemoryMediaStore();
    const assetId = await plannedAsset(store);
    const { db } = database;
    const attempt = (s: MediaStore, n: number) =>
      encodeRenditions({
        db,
        store: s,
        ffmpeg: tools.ffmpeg,
        assetId,
        renditions: ["360p"],
        attempt: n,
      });

    await expect(attempt(new StoreThatDiesMidUpload(store, 1), 0)).rejects.toThrow(
      /connection lost/,
    );
    const crashed = await store.list(assetId, "hls/360p-");
    expect(crashed).toHaveLength(1);
    expect(await store.head(assetId, "hls/master.m3u8")).toBeNull();
    expect((await assetRow(db, assetId)).status).toBe("processing");

    expect(await attempt(store, 1)).toMatchObject({ outcome: "encoded", won: ["360p"] });

    const [row] = await db
      .select()
      .from(videoRenditions)
      .where(eq(videoRenditions.assetId, assetId));
    const { referenced, stored } = await outputsOf(store, assetId);
    expect(referenced).toEqual([row?.path]);
    expect(stored).toEqual([row?.path]);
    expect(crashed[0]?.startsWith(`hls/${row?.path}/`)).toBe(false);
  });

  it("does nothing for a rendition that is already ready", async () => {
    const store = new InMemoryMediaStore();
    const assetId = await plannedAsset(store);
    const { db } = database;
    const encode = () =>
      encodeRenditions({ db, store, ffmpeg: tools.ffmpeg, assetId, renditions: ["360p"] });
    await encode();
    await tools.clearCalls();

    expect(await encode()).toEqual({ outcome: "skipped", reason: "asset is ready" });
    expect(await tools.calls()).toEqual([]);
  });
});
