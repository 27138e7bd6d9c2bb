import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createVideoLesson } from "@lumen/core/testing";
import { lessons } from "@lumen/db";
import { resolveFfmpeg } from "@lumen/media";
import { ffprobeStreams, generateClip } from "@lumen/media/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EdgeStack, startEdgeStack } from "./edge-stack";
import { edgeUpload, partOf, renditionsOf, settledAsset, variantsOf } from "./edge-upload";

// The whole path of issue 4: parts through the real edge (wrangler dev, local R2), the API's
// video procedures, the job runner with real FFmpeg, and playback through the edge.
const PROCESSING_TIMEOUT_MS = 120_000;

let stack: EdgeStack;
let dir: string;

beforeAll(async () => {
  [stack, dir] = await Promise.all([
    startEdgeStack({ ffmpeg: resolveFfmpeg() }),
    mkdtemp(join(tmpdir(), "lumen-video-pipeline-")),
  ]);
}, 180_000);
afterAll(async () => {
  await stack?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Uploads `file` for a new video lesson through the edge, then processes it to the end. */
async function uploadAndProcess(file: Uint8Array, { dropAfterFirstPart = false } = {}) {
  const { instructor, lessonId } = await createVideoLesson(stack.db);
  const caller = stack.callerFor(instructor);
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

  const asset = await settledAsset(stack.db, assetId, PROCESSING_TIMEOUT_MS);
  return {
    asset,
    lessonId,
    caller,
    totalParts: started.totalParts,
    logs: () => stack.logs.join("\n"),
  };
}

/** The master playlist through the edge, a variant of it, and its first segment, ffprobed. */
async function playThroughEdge(caller: ReturnType<EdgeStack["callerFor"]>, lessonId: string) {
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
    const renditions = await renditionsOf(stack.db, result.asset.id);
    expect(renditions.map((r) => [r.name, r.status])).toEqual([
      ["360p", "ready"],
      ["720p", "ready"],
    ]);
    const [lesson] = await stack.db.select().from(lessons).where(eq(lessons.id, result.lessonId));
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
    const renditions = await renditionsOf(stack.db, result.asset.id);
    expect(renditions.map((r) => [r.name, r.width, r.height])).toEqual([["240p", 426, 240]]);
    const played = await playThroughEdge(result.caller, result.lessonId);
    expect(played.resolutions).toEqual(["426x240"]);
    expect(played.streams.find((s) => s.codec_type === "video")).toMatchObject({
      codec_name: "h264",
      height: 240,
    });
  });
});
