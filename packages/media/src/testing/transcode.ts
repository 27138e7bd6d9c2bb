import { chmod, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type Database, lessons, modules, users, videoAssets } from "@lumen/db";
import { createVideoAsset, createVideoLesson } from "@lumen/db/testing";
import type { Outbox } from "@lumen/jobs";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { FfmpegConfig } from "../ffmpeg/binaries";
import { InMemoryMediaStore } from "../store/memory";
import type { ByteRange, MediaStore } from "../store/types";
import { encodeRenditions } from "../transcode/encode-renditions";
import { probeVideo } from "../transcode/probe-video";
import { SOURCE_PATH } from "../transcode/source";
import type { SourceCache } from "../transcode/source-cache";
import { testFfmpeg } from "./ffmpeg";

/** A lesson and a queued video asset for it, as completeUpload leaves them. Rows are per test. */
export async function createQueuedAsset(
  db: Database,
  options: { lessonId?: string; createdAt?: Date } = {},
) {
  const lessonId = options.lessonId ?? (await createVideoLesson(db)).lessonId;
  const [lesson] = await db
    .select({ courseId: modules.courseId })
    .from(lessons)
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .where(eq(lessons.id, lessonId));
  const [owner] = await db.select({ id: users.id }).from(users).limit(1);
  if (!lesson || !owner) throw new Error("no lesson to attach the asset to");
  const asset = await createVideoAsset(db, { id: lessonId, courseId: lesson.courseId }, owner, {
    status: "queued",
    originalFilename: "lecture.mp4",
    byteSize: 1,
    uploadedAt: new Date(),
    ...(options.createdAt ? { createdAt: options.createdAt } : {}),
  });
  return { assetId: asset.id, lessonId };
}

export async function assetRow(db: Database, assetId: string) {
  const [row] = await db.select().from(videoAssets).where(eq(videoAssets.id, assetId));
  if (!row) throw new Error(`no asset ${assetId}`);
  return row;
}

/**
 * The real ffmpeg and ffprobe behind tiny shell wrappers that append the binary that ran and
 * its command line to a log first, so a test can tell whether (and which) FFmpeg was started.
 */
export async function recordedFfmpeg(dir: string) {
  const real = testFfmpeg();
  const log = join(dir, "ffmpeg-calls.log");
  await writeFile(log, "");
  const wrap = async (name: string, binary: string) => {
    const path = join(dir, name);
    await writeFile(
      path,
      `#!/bin/sh\nprintf '%s %s\\n' '${binary}' "$*" >> '${log}'\nexec '${binary}' "$@"\n`,
    );
    await chmod(path, 0o755);
    return path;
  };
  const ffmpeg: FfmpegConfig = {
    ffmpegPath: await wrap("ffmpeg", real.ffmpegPath),
    ffprobePath: await wrap("ffprobe", real.ffprobePath),
  };
  return {
    ffmpeg,
    calls: async () => (await readFile(log, "utf8")).split("\n").filter(Boolean),
    clearCalls: () => writeFile(log, ""),
  };
}

const encodeJobRow = z.object({
  renditions: z.array(z.string()),
  priority: z.number(),
});

/** The `video.encode` jobs waiting for an asset, highest priority first. */
export async function encodeJobsFor(db: Database, assetId: string) {
  const result = await db.execute(
    sql`select data->'renditions' as renditions, priority from pgboss.job
        where name = 'video.encode' and data->>'assetId' = ${assetId}
        order by priority desc, created_on`,
  );
  return z.array(encodeJobRow).parse(result.rows);
}

/** Probe, then every encode job the probe enqueued, in priority order, as a runner would. */
export async function runPipeline(deps: {
  db: Database;
  store: MediaStore;
  outbox: Outbox;
  ffmpeg: FfmpegConfig;
  assetId: string;
  /** A runner's kept sources, shared by the probe and the encodes as on one runner. */
  sources?: SourceCache;
}) {
  const probed = await probeVideo(deps);
  const encoded = [];
  for (const job of await encodeJobsFor(deps.db, deps.assetId)) {
    encoded.push(await encodeRenditions({ ...deps, renditions: job.renditions }));
  }
  return { probed, encoded };
}

export async function storedText(store: MediaStore, assetId: string, path: string) {
  const object = await store.get(assetId, path);
  if (!object) throw new Error(`nothing stored at ${path}`);
  return new Response(object.body).text();
}

/** A memory store that counts reads of uploaded sources: a download is one read per chunk. */
export class SourceReadsStore extends InMemoryMediaStore {
  sourceReads = 0;
  override async get(assetId: string, path: string, range?: ByteRange) {
    if (path === SOURCE_PATH) this.sourceReads += 1;
    return super.get(assetId, path, range);
  }
}
