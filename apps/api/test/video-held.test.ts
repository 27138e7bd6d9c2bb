import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createVideoLesson } from "@lumen/core/testing";
import { loadSessionUser } from "@lumen/core/users";
import {
  type CapabilityHeartbeat,
  createJobQueue,
  type JobRunner,
  startCapabilityHeartbeat,
  startJobRunner,
} from "@lumen/jobs";
import type { FfmpegConfig, MediaStore } from "@lumen/media";
import { generateClip, testFfmpeg } from "@lumen/media/testing";
import { createCaller, createContextInner } from "@lumen/trpc";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { jobHandlers } from "../src/jobs/handlers";
import { checkVideoCapability } from "../src/jobs/video-capability";
import { createLogger } from "../src/logger";
import { createTestApp, type TestApp } from "./harness";

// Job runners in this process over the test app's database and in-memory video storage: one
// whose FFmpeg cannot do the job, then one whose FFmpeg can.
const SETTLE_MS = 60_000;

let t: TestApp;
let dir: string;
let clip: Uint8Array;
const running: Array<{ runner: JobRunner; heartbeat: CapabilityHeartbeat }> = [];
/** Assets whose storage the runners cannot reach (a fault injected into their store). */
const unreachable = new Set<string>();

beforeAll(async () => {
  [t, dir] = await Promise.all([createTestApp(), mkdtemp(join(tmpdir(), "lumen-video-held-"))]);
  clip = await readFile(await generateClip(dir, { width: 640, height: 360, seconds: 2 }));
});
afterAll(async () => {
  for (const { runner, heartbeat } of running) {
    await runner.stop(5_000);
    await heartbeat.stop();
  }
  await t?.database.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A job runner as jobs/main.ts starts one: self-test, capability heartbeat, queues. */
async function startRunner(ffmpeg: FfmpegConfig) {
  const logs: string[] = [];
  const logger = createLogger({ level: "info", write: (line) => logs.push(line) });
  const video = await checkVideoCapability({ resolved: { ffmpeg }, logger });
  const heartbeat = await startCapabilityHeartbeat({ db: t.database.db, reports: [video.report] });
  const runner = await startJobRunner({
    queue: createJobQueue(t.database.connection),
    handlers: jobHandlers({
      ...t,
      db: t.database.db,
      logger,
      ffmpeg: video.ffmpeg,
      grading: false,
      media: { ...t.media, store: runnersStore(t.mediaStore) },
    }),
    logger,
    pollingIntervalSeconds: 0.5,
  });
  running.push({ runner, heartbeat });
  return { logs };
}

let capable: ReturnType<typeof startRunner> | undefined;
/** One runner with a working FFmpeg, started by whichever test needs it first. */
const capableRunner = () => {
  capable ??= startRunner(testFfmpeg());
  return capable;
};

/** The app's in-memory storage as the runners see it: `unreachable` assets fail to read. */
function runnersStore(store: MediaStore): MediaStore {
  const reach = (assetId: string) => {
    if (unreachable.has(assetId)) throw new Error("storage unreachable (injected fault)");
  };
  return {
    get: async (assetId, path, range) => {
      reach(assetId);
      return store.get(assetId, path, range);
    },
    head: async (assetId, path) => {
      reach(assetId);
      return store.head(assetId, path);
    },
    put: (...args) => store.put(...args),
    delete: (...args) => store.delete(...args),
    list: (...args) => store.list(...args),
    getFile: (file) => store.getFile(file),
    headFile: (file) => store.headFile(file),
    putFile: (...args) => store.putFile(...args),
    deleteFile: (file) => store.deleteFile(file),
  };
}

/** The real ffmpeg, except that it refuses one option every HLS encode uses (a stand-in). */
async function ffmpegWithoutOption(): Promise<FfmpegConfig> {
  const real = testFfmpeg();
  const path = join(dir, "ffmpeg-old");
  await writeFile(
    path,
    `#!/bin/sh\ncase "$*" in *-force_key_frames*) echo "Unrecognized option 'force_key_frames'." >&2; exit 8;; esac\nexec '${real.ffmpegPath}' "$@"\n`,
  );
  await chmod(path, 0o755);
  return { ...real, ffmpegPath: path };
}

async function uploadedVideo({ reachable = true } = {}) {
  const { instructor, lessonId } = await createVideoLesson(t.database.db);
  const caller = createCaller(
    createContextInner({
      ...t,
      db: t.database.db,
      user: instructor,
      currentUser: () => loadSessionUser(t.database.db, instructor.id),
    }),
  );
  const { assetId } = await caller.video.createUpload({
    lessonId,
    filename: "lecture.mp4",
    byteSize: clip.byteLength,
  });
  await t.mediaStore.put(assetId, "source", clip, "application/octet-stream");
  if (!reachable) unreachable.add(assetId);
  await caller.video.completeUpload({ assetId });
  const latest = async () => {
    const video = await caller.video.lessonVideo({ lessonId });
    if (!video.latest) throw new Error("the lesson has no video");
    return video.latest;
  };
  return { assetId, latest };
}

const probeJobs = async (assetId: string) => {
  const result = await t.database.db.execute(
    sql`select state, retry_count from pgboss.job
        where name = 'video.probe' and data->>'assetId' = ${assetId}`,
  );
  return z.array(z.object({ state: z.string(), retry_count: z.number() })).parse(result.rows);
};

describe("video jobs and the job runners' FFmpeg", () => {
  it("holds video jobs with its reason in the editor until a capable runner takes them", async () => {
    const broken = await ffmpegWithoutOption();
    const { logs } = await startRunner(broken);
    const { assetId, latest } = await uploadedVideo();

    // It says which binary and why, and serves no video queue.
    const held = logs.find((line) => line.includes("failed its self-test"));
    expect(held).toContain(broken.ffmpegPath);
    expect(held).toMatch(/"version":"\S+"/);
    const started = logs.find((line) => line.includes("job runner started")) ?? "";
    expect(started).not.toContain("video.probe");
    expect(started).not.toContain("video.encode");

    const waiting = await latest();
    expect(waiting).toMatchObject({ status: "queued", lastAttempt: null });
    expect(waiting.processingUnavailable).toMatch(
      /^FFmpeg \S+ failed its self-test: encoding HLS failed: ffmpeg encode exited with code 8: Unrecognized option 'force_key_frames'\.$/,
    );
    expect(waiting.processingUnavailable).not.toContain(dir);
    expect(await probeJobs(assetId)).toEqual([{ state: "created", retry_count: 0 }]);

    const { logs: capableLogs } = await capableRunner();
    expect(capableLogs.join("\n")).toContain("video processing ready");
    expect((await latest()).processingUnavailable).toBeNull();
    await vi.waitFor(async () => expect((await latest()).status).toBe("ready"), {
      timeout: SETTLE_MS,
      interval: 250,
    });
    expect(await probeJobs(assetId)).toEqual([{ state: "completed", retry_count: 0 }]);
  });

  it("shows the failed attempt of how many and its error while the job waits to retry", async () => {
    await capableRunner();
    const { assetId, latest } = await uploadedVideo({ reachable: false });

    await vi.waitFor(async () => expect((await latest()).lastAttempt).not.toBeNull(), {
      timeout: SETTLE_MS,
      interval: 100,
    });
    const retrying = await latest();
    expect(retrying.status).toBe("processing");
    expect(retrying.lastAttempt).toMatchObject({
      failed: 1,
      max: 4,
      error: "storage unreachable (injected fault)",
    });

    unreachable.delete(assetId);
    await vi.waitFor(async () => expect((await latest()).status).toBe("ready"), {
      timeout: SETTLE_MS,
      interval: 250,
    });
    expect((await latest()).lastAttempt).toBeNull();
  });
});
