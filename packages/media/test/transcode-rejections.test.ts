import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { videoRenditions } from "@lumen/db";
import { createTestDatabase, type TestDatabase } from "@lumen/db/testing";
import { type OutboxHandle, openOutbox } from "@lumen/jobs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { InMemoryMediaStore } from "../src/store/memory";
import { assetRow, createQueuedAsset, encodeJobsFor, recordedFfmpeg } from "../src/testing";
import { generateClip } from "../src/testing/clips";
import { RETRIES_EXHAUSTED_REASON } from "../src/transcode/failure";
import { probeVideo } from "../src/transcode/probe-video";

const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1,
  0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
]);

let database: TestDatabase;
let outbox: OutboxHandle;
let dir: string;
let tools: Awaited<ReturnType<typeof recordedFfmpeg>>;
let store: InMemoryMediaStore;

beforeAll(async () => {
  database = await createTestDatabase();
  outbox = await openOutbox(database.connection);
  dir = await mkdtemp(join(tmpdir(), "lumen-transcode-rejections-"));
  tools = await recordedFfmpeg(dir);
});
afterAll(async () => {
  await outbox.close();
  await database.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  store = new InMemoryMediaStore();
});

/** Uploads `source` for a fresh asset, probes it and returns what the asset ended as. */
async function probeUpload(source: Uint8Array | string, finalAttempt = false) {
  const { assetId } = await createQueuedAsset(database.db);
  await store.put(assetId, "source", source, "application/octet-stream");
  const { db } = database;
  const outcome = await probeVideo({
    db,
    store,
    outbox,
    ffmpeg: tools.ffmpeg,
    assetId,
    finalAttempt,
  });
  const renditions = await db
    .select()
    .from(videoRenditions)
    .where(eq(videoRenditions.assetId, assetId));
  return {
    assetId,
    outcome,
    asset: await assetRow(db, assetId),
    renditions,
    outputs: await store.list(assetId, "hls/"),
    jobs: await encodeJobsFor(db, assetId),
  };
}

describe("uploads that are not usable video", () => {
  it("fails a PNG as not a video, without running FFmpeg or writing outputs", async () => {
    await tools.clearCalls();
    const result = await probeUpload(PNG);

    expect(result.outcome).toEqual({
      outcome: "rejected",
      reason: expect.stringMatching(/not a video/),
    });
    expect(result.asset.status).toBe("failed");
    expect(result.asset.failureReason).toMatch(/PNG image, not a video/);
    expect(result.asset.failedAt).toBeInstanceOf(Date);
    expect(result).toMatchObject({ outputs: [], renditions: [], jobs: [] });
    expect(await tools.calls()).toEqual([]);
  });

  it("fails a truncated MP4 with a reason the instructor can read", async () => {
    const clip = await readFile(
      await generateClip(dir, { width: 640, height: 360, seconds: 2, name: "cut.mp4" }),
    );
    const result = await probeUpload(clip.subarray(0, Math.floor(clip.length * 0.6)));

    expect(result.asset.status).toBe("failed");
    expect(result.asset.failureReason).toMatch(/incomplete|damaged/i);
    expect(result).toMatchObject({ outputs: [], renditions: [], jobs: [] });
  });

  it.each([
    [
      "an HLS playlist",
      (secret: string) => `#EXTM3U\n#EXTINF:4,\nfile://${secret}\n#EXT-X-ENDLIST\n`,
    ],
    ["a concat list", (secret: string) => `ffconcat version 1.0\nfile '${secret}'\n`],
  ])(
    "fails %s named .mp4 that points at a local file, never handing it to FFmpeg",
    async (_, body) => {
      const secret = join(dir, "secret.ts");
      await writeFile(secret, "not for learners");
      await tools.clearCalls();

      const result = await probeUpload(body(secret));

      expect(result.asset).toMatchObject({
        status: "failed",
        failureReason: "This file is a text file, not a video.",
      });
      expect(result).toMatchObject({ outputs: [], renditions: [], jobs: [] });
      expect(await tools.calls()).toEqual([]);
    },
  );

  it("retries a transient failure and fails the asset only on the last attempt", async () => {
    const { assetId } = await createQueuedAsset(database.db);
    const { db } = database;
    const probe = (attempt: number, finalAttempt: boolean) =>
      probeVideo({
        db,
        store,
        outbox,
        ffmpeg: tools.ffmpeg,
        assetId,
        attempt,
        maxAttempts: 2,
        finalAttempt,
      });

    // No source in storage: a storage problem, not the media's fault.
    await expect(probe(0, false)).rejects.toThrow(/no source/);
    const waiting = await assetRow(db, assetId);
    expect(waiting).toMatchObject({ status: "processing", failedAttempts: 1, maxAttempts: 2 });
    expect(waiting.lastError).toMatch(/no source/);
    expect(waiting.lastErrorAt).toBeInstanceOf(Date);
    await expect(probe(1, true)).rejects.toThrow(/no source/);
    expect(await assetRow(db, assetId)).toMatchObject({
      status: "failed",
      failureReason: RETRIES_EXHAUSTED_REASON,
      failedAttempts: 2,
      lastError: waiting.lastError,
    });
  });

  it("forgets an earlier attempt's error once a later attempt succeeds", async () => {
    const { db } = database;
    const { assetId } = await createQueuedAsset(db);
    const run = (attempt: number) =>
      probeVideo({ db, store, outbox, ffmpeg: tools.ffmpeg, assetId, attempt, maxAttempts: 4 });
    await expect(run(0)).rejects.toThrow(/no source/);
    expect((await assetRow(db, assetId)).failedAttempts).toBe(1);

    const clip = await generateClip(dir, { width: 320, height: 240, seconds: 1, name: "ok.mp4" });
    await store.put(assetId, "source", await readFile(clip), "application/octet-stream");
    expect(await run(1)).toMatchObject({ outcome: "planned" });

    expect(await assetRow(db, assetId)).toMatchObject({
      status: "processing",
      lastError: null,
      lastErrorAt: null,
      failedAttempts: 0,
    });
  });
});
