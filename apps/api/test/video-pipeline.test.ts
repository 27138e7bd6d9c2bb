import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { lessons } from "@lumen/db";
import { createTestDatabase, type TestDatabase } from "@lumen/db/testing";
import {
  createJobQueue,
  type JobRunner,
  type OutboxHandle,
  openOutbox,
  startJobRunner,
} from "@lumen/jobs";
import { type MediaContext, resolveFfmpeg } from "@lumen/media";
import { ffprobeStreams, generateClip } from "@lumen/media/testing";
import { createPostgresSearch } from "@lumen/search";
import { startWranglerDev, type WranglerDev } from "@lumen/tools/wrangler-dev";
import { createCaller, createContextInner, type SessionUser } from "@lumen/trpc";
import { createProgressIngest } from "@lumen/trpc/services/progress/ingest";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseApiEnv } from "../src/env";
import { jobHandlers } from "../src/jobs/handlers";
import { createLogger } from "../src/logger";
import { createMediaContext } from "../src/media";
import {
  createVideoLesson,
  edgeUpload,
  partOf,
  renditionsOf,
  settledAsset,
  variantsOf,
} from "./video-pipeline-fixtures";

// The whole path of issue 4: parts through the real edge (wrangler dev, local R2), the API's
// video procedures, the job runner with real FFmpeg, and playback through the edge.
const PROCESSING_TIMEOUT_MS = 120_000;

let edge: WranglerDev;
let database: TestDatabase;
let outbox: OutboxHandle;
let media: MediaContext;
let runner: JobRunner;
let dir: string;
const logs: string[] = [];

beforeAll(async () => {
  [edge, database, dir] = await Promise.all([
    startWranglerDev(),
    createTestDatabase(),
    mkdtemp(join(tmpdir(), "lumen-video-pipeline-")),
  ]);
  const env = parseApiEnv({ LUMEN_ENV: "test", EDGE_URL: edge.url });
  media = createMediaContext(env);
  outbox = await openOutbox(database.connection);
  const logger = createLogger({ level: "info", write: (line) => logs.push(line) });
  runner = await startJobRunner({
    queue: createJobQueue(database.connection),
    handlers: jobHandlers({
      db: database.db,
      env,
      logger,
      search: createPostgresSearch({ db: database.db }),
      outbox,
      media,
      ffmpeg: resolveFfmpeg(),
    }),
    logger,
    pollingIntervalSeconds: 0.5,
  });
}, 180_000);
afterAll(async () => {
  await runner?.stop(5_000);
  await outbox?.close();
  await database?.close();
  await edge?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function api(user: SessionUser) {
  const search = createPostgresSearch({ db: database.db });
  const progress = createProgressIngest({ db: database.db, outbox });
  return createCaller(
    createContextInner({ db: database.db, user, outbox, search, media, progress }),
  );
}

/** Uploads `file` for a new video lesson through the edge, then processes it to the end. */
async function uploadAndProcess(file: Uint8Array, { dropAfterFirstPart = false } = {}) {
  const { instructor, lessonId } = await createVideoLesson(database.db);
  const caller = api(instructor);
  const { assetId, upload } = await caller.video.createUpload({
    lessonId,
    filename: "lecture.mp4",
    byteSize: file.byteLength,
  });
  const edgeApi = edgeUpload(upload.url);
  const started = await edgeApi.start();
  expect(started).toMatchObject({ parts: [], uploadedBytes: 0, completed: false });
  let next = 1;
  if (dropAfterFirstPart) {
    await edgeApi.putPart(1, partOf(file, 1, started.partBytes));
    // The connection drops between parts; the uploader starts again and learns what the edge
    // kept. (A drop in the middle of a part's body is not simulated: it crashes `wrangler dev`
    // itself, cloudflare/workers-sdk#15203, which production Workers do not share.)
    const resumed = await edgeApi.start();
    expect(resumed.parts).toEqual([{ partNumber: 1, size: started.partBytes }]);
    expect(resumed.uploadedBytes).toBe(started.partBytes);
    next = 2;
  }
  for (let n = next; n <= started.totalParts; n++) {
    await edgeApi.putPart(n, partOf(file, n, started.partBytes));
  }
  expect(await edgeApi.complete()).toEqual({ size: file.byteLength });
  await caller.video.completeUpload({ assetId });

  const asset = await settledAsset(database.db, assetId, PROCESSING_TIMEOUT_MS);
  return { asset, lessonId, caller, totalParts: started.totalParts, logs: () => logs.join("\n") };
}

/** The master playlist through the edge, a variant of it, and its first segment, ffprobed. */
async function playThroughEdge(caller: ReturnType<typeof api>, lessonId: string) {
  const playback = await caller.video.playback({ lessonId });
  const masterRes = await fetch(playback.url);
  expect(masterRes.status).toBe(200);
  expect(masterRes.headers.get("content-type")).toMatch(/application\/vnd\.apple\.mpegurl/);
  const variants = variantsOf(await masterRes.text());
  const top = variants.at(-1);
  if (!top) throw new Error("master playlist lists no variant");
  const variantUrl = new URL(top.uri, playback.url);
  const variant = await (await fetch(variantUrl)).text();
  const segment = variant.split("\n").find((line) => line.endsWith(".ts"));
  if (!segment) throw new Error(`variant playlist lists no segment:\n${variant}`);
  const segmentRes = await fetch(new URL(segment, variantUrl));
  expect(segmentRes.status).toBe(200);
  expect(segmentRes.headers.get("content-type")).toBe("video/mp2t");
  const segmentFile = join(dir, `segment-${lessonId}.ts`);
  await writeFile(segmentFile, new Uint8Array(await segmentRes.arrayBuffer()));
  const poster = playback.posterUrl ? await fetch(playback.posterUrl) : null;
  await poster?.body?.cancel();
  return {
    resolutions: variants.map((v) => v.resolution),
    streams: await ffprobeStreams(segmentFile),
    posterType: poster?.headers.get("content-type"),
  };
}

describe("video pipeline, end to end", { timeout: PROCESSING_TIMEOUT_MS + 30_000 }, () => {
  it("a 720p upload resumed after a drop plays through the edge as 360p and 720p", async () => {
    const clip = await generateClip(dir, { width: 1280, height: 720, seconds: 4, bitrate: "30M" });
    const file = new Uint8Array(await readFile(clip));

    const result = await uploadAndProcess(file, { dropAfterFirstPart: true });

    expect(result.totalParts).toBeGreaterThanOrEqual(2);
    expect(result.asset.status, result.logs()).toBe("ready");
    expect(result.asset.playableAt?.getTime()).toBeLessThanOrEqual(
      result.asset.readyAt?.getTime() ?? 0,
    );
    const renditions = await renditionsOf(database.db, result.asset.id);
    expect(renditions.map((r) => [r.name, r.status])).toEqual([
      ["360p", "ready"],
      ["720p", "ready"],
    ]);
    const [lesson] = await database.db
      .select()
      .from(lessons)
      .where(eq(lessons.id, result.lessonId));
    expect(lesson?.videoAssetId).toBe(result.asset.id);

    const played = await playThroughEdge(result.caller, result.lessonId);
    expect(played.resolutions).toEqual(["640x360", "1280x720"]);
    expect(played.posterType).toBe("image/jpeg");
    expect(played.streams.find((s) => s.codec_type === "video")).toMatchObject({
      codec_name: "h264",
      width: 1280,
      height: 720,
    });
    expect(played.streams.find((s) => s.codec_type === "audio")?.codec_name).toBe("aac");
  });

  it("a 240p upload plays as a single 240p rendition, never upscaled", async () => {
    const clip = await generateClip(dir, { width: 426, height: 240, seconds: 3 });
    const file = new Uint8Array(await readFile(clip));

    const result = await uploadAndProcess(file);

    expect(result.asset.status, result.logs()).toBe("ready");
    const renditions = await renditionsOf(database.db, result.asset.id);
    expect(renditions.map((r) => [r.name, r.width, r.height])).toEqual([["240p", 426, 240]]);
    const played = await playThroughEdge(result.caller, result.lessonId);
    expect(played.resolutions).toEqual(["426x240"]);
    expect(played.streams.find((s) => s.codec_type === "video")).toMatchObject({
      codec_name: "h264",
      height: 240,
    });
  });
});
