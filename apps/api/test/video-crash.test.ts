import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  createTestWorld,
  createVideoAsset,
  createVideoLesson,
  type TestWorld,
} from "@lumen/core/testing";
import { videoAssets } from "@lumen/db";
import { type OutboxHandle, probeVideoJob } from "@lumen/jobs";
import type { MediaContext } from "@lumen/media";
import { generateClip } from "@lumen/media/testing";
import { startWranglerDev, type WranglerDev } from "@lumen/tools/wrangler-dev";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { parseApiEnv } from "../src/env";
import { createMediaContext } from "../src/media";
import { renditionsOf, settledAsset } from "./edge-upload";
import {
  databaseForProcesses,
  type RunnerProcess,
  startRunnerProcess,
  until,
} from "./video-pipeline-processes";

// Two real runner processes (apps/api/src/jobs/main.ts) on one database and one edge: the
// first is killed with SIGKILL while it transcodes, the second must finish the work.
const TEST_TIMEOUT_MS = 150_000;

let edge: WranglerDev;
let world: TestWorld;
let database: TestWorld["database"];
let databaseUrl: string;
let outbox: OutboxHandle;
let media: MediaContext;
let dir: string;
const runners: RunnerProcess[] = [];

beforeAll(async () => {
  [edge, world, dir] = await Promise.all([
    startWranglerDev(),
    // The world on a database the runner processes reach by URL.
    databaseForProcesses().then((reachable) => {
      databaseUrl = reachable.url;
      return createTestWorld({ database: reachable });
    }),
    mkdtemp(join(tmpdir(), "lumen-video-crash-")),
  ]);
  ({ database, outbox } = world);
  // R2 behind the edge, not the world's in-memory store: the runners write there.
  media = createMediaContext(parseApiEnv({ LUMEN_ENV: "test", EDGE_URL: edge.url }));
}, 120_000);
afterAll(async () => {
  await Promise.all(runners.map((r) => r.stop()));
  await world?.close();
  await edge?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function startRunner() {
  const runner = startRunnerProcess({ databaseUrl, edgeUrl: edge.url, tmpDir: dir });
  runners.push(runner);
  return runner;
}

/** An uploaded source queued for processing, as completeUpload leaves it. */
async function queuedUpload(file: Uint8Array) {
  const { instructor, courseId, lessonId } = await createVideoLesson(database.db);
  const asset = await createVideoAsset(database.db, { id: lessonId, courseId }, instructor, {
    originalFilename: "lecture.mp4",
    byteSize: file.byteLength,
  });
  await media.store.put(asset.id, "source", file, "video/mp4");
  await database.db.transaction(async (tx) => {
    await tx
      .update(videoAssets)
      .set({ status: "queued", uploadedAt: new Date() })
      .where(eq(videoAssets.id, asset.id));
    await outbox.enqueue(tx, probeVideoJob, { assetId: asset.id });
  });
  return asset.id;
}

const encodeJobs = async (assetId: string) =>
  z.array(z.object({ state: z.string(), retry_count: z.number() })).parse(
    (
      await database.db.execute(
        sql`select state, retry_count from pgboss.job
              where name = 'video.encode' and data->>'assetId' = ${assetId}`,
      )
    ).rows,
  );

describe("a runner killed mid-transcode", { timeout: TEST_TIMEOUT_MS }, () => {
  it("leaves its job to another runner, which finishes it with one output per rendition", async () => {
    const clip = await generateClip(dir, { width: 1280, height: 720, seconds: 8, audio: true });
    const assetId = await queuedUpload(new Uint8Array(await readFile(clip)));

    const first = startRunner();
    await until(
      "a rendition processing on the first runner",
      async () => (await renditionsOf(database.db, assetId)).some((r) => r.status === "processing"),
      60_000,
      first.output,
    );
    await first.kill();
    const interrupted = await renditionsOf(database.db, assetId);
    expect(interrupted.some((r) => r.status !== "ready")).toBe(true);

    const second = startRunner();
    const asset = await settledAsset(database.db, assetId, 90_000);
    expect(asset.status, second.output()).toBe("ready");

    const renditions = await renditionsOf(database.db, assetId);
    expect(renditions.map((r) => [r.name, r.status])).toEqual([
      ["360p", "ready"],
      ["720p", "ready"],
    ]);
    // The asset is ready before the last job's handler returns and pg-boss completes it.
    await until(
      "every encode job completed",
      async () => (await encodeJobs(assetId)).every((j) => j.state === "completed"),
      30_000,
      () => second.output(),
    );
    const jobs = await encodeJobs(assetId);
    expect(Math.max(...jobs.map((j) => j.retry_count))).toBeGreaterThanOrEqual(1);

    const master = await new Response(
      (await media.store.get(assetId, "hls/master.m3u8"))?.body,
    ).text();
    const referenced = master
      .split("\n")
      .filter((line) => line.endsWith("/index.m3u8"))
      .map((line) => line.split("/")[0]);
    expect(referenced.sort()).toEqual(renditions.map((r) => r.path).sort());
    const stored = new Set(
      (await media.store.list(assetId, "hls/"))
        .map((path) => path.split("/"))
        .filter((parts) => parts.length > 2)
        .map((parts) => parts[1]),
    );
    expect([...stored].sort()).toEqual(referenced.sort());
  });
});
