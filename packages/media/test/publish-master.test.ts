import { videoCaptions, videoRenditions } from "@lumen/db";
import {
  createTestDatabase,
  createVideoAsset,
  createVideoLesson,
  type TestDatabase,
} from "@lumen/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishMasterPlaylist } from "../src/publish/master";
import { InMemoryMediaStore } from "../src/store/memory";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

async function assetWithCaption(durationSeconds: number | null) {
  const { instructor, courseId, lessonId } = await createVideoLesson(database.db);
  const asset = await createVideoAsset(database.db, { id: lessonId, courseId }, instructor, {
    status: "processing",
    byteSize: 1,
    durationSeconds,
  });
  await database.db.insert(videoCaptions).values({
    assetId: asset.id,
    language: "en",
    label: "English",
    path: "captions/en-abc123.vtt",
  });
  return asset.id;
}

const publish = (store: InMemoryMediaStore, assetId: string) =>
  database.db.transaction((tx) => publishMasterPlaylist({ tx, store, assetId }));
const text = async (store: InMemoryMediaStore, assetId: string, path: string) => {
  const object = await store.get(assetId, path);
  return object ? new Response(object.body).text() : null;
};

describe("publishMasterPlaylist (in-memory storage)", () => {
  it("writes nothing until a rendition is ready", async () => {
    const store = new InMemoryMediaStore();
    const assetId = await assetWithCaption(null);
    expect(await publish(store, assetId)).toBe(0);
    expect(await store.list(assetId, "hls/")).toEqual([]);
  });

  it("lists ready renditions and captions, with subtitle playlists as long as the video", async () => {
    const store = new InMemoryMediaStore();
    const assetId = await assetWithCaption(42.5);
    // What addCaption wrote before the probe knew the duration.
    await store.put(assetId, "hls/captions/en-abc123.m3u8", "#EXTM3U\n#EXTINF:1.000,\n", "x");
    await database.db.insert(videoRenditions).values({
      assetId,
      name: "360p",
      width: 640,
      height: 360,
      bandwidth: 1_000_000,
      status: "ready",
      path: "360p-k3j9x2",
      codecs: "avc1.64001e,mp4a.40.2",
    });

    expect(await publish(store, assetId)).toBe(1);

    const master = await text(store, assetId, "hls/master.m3u8");
    expect(master).toContain('URI="captions/en-abc123.m3u8"');
    expect(master).toContain("360p-k3j9x2/index.m3u8");
    const subtitles = await text(store, assetId, "hls/captions/en-abc123.m3u8");
    expect(subtitles).toContain("#EXTINF:43.000,\nen-abc123.vtt");
    expect(subtitles).toContain("#EXT-X-TARGETDURATION:43");
  });
});
