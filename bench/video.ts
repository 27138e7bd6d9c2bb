/**
 * Video pipeline: `pnpm bench video [--runs 3] [--seconds 60]`
 *   --runs N     uploads measured (default 3)
 *   --seconds N  length of the generated 1080p30 clip (default 60). A multiple of 60 above 60
 *                (e.g. `--seconds 600 --runs 1`, the 10-minute source) is the 60 s clip
 *                repeated by stream copy, made in seconds and cached like it.
 *   FFMPEG_PATH / FFPROBE_PATH in the environment: the runner and the limits use those binaries
 *   (e.g. the npm-shipped fallback build) instead of the system's.
 * Needs Postgres (BENCH_DATABASE_URL / TEST_DATABASE_URL) and ffmpeg. Generates the clip
 * (cached in the OS temp dir), starts the edge (`wrangler dev`, local R2) and the real job
 * runner process, then per run: createUpload → parts through the edge → completeUpload → wait
 * for the ladder; then, with the runner idle, the limits on the same source: ONE ffmpeg command
 * writing the same ladder with the same codec settings (total, and until its lowest rung's
 * first segment), and the raw decode (`ffmpeg -i src -f null -`).
 * Per run it prints upload throughput, seconds from upload complete to the probe job's start,
 * to first playable (the lowest rung's first segments stored and listed in the master
 * playlist) and to the full ladder, each rendition's ready time, ladder speed × real time and
 * the runner's peak memory (process tree incl. ffmpeg); then the edge's token check cost. Headline figures go through bench/lib/report.ts
 * as bench `video` (60 s source) or `video-<N>s`: first playable and full ladder, each as a
 * ratio to the one-command limit and to the raw decode (medians over the runs). Targets: first
 * playable ≤ 5 s at any length, full ladder ≤ 45 s for the 60 s source.
 */

import { createProgressIngest } from "@lumen/core/progress";
import { createVideoLesson } from "@lumen/core/testing";
import { loadSessionUser } from "@lumen/core/users";
import { videoAssets, videoRenditions } from "@lumen/db";
import { openOutbox } from "@lumen/jobs";
import { EdgeMediaStore, resolveFfmpeg } from "@lumen/media";
import { createMediaSigner, parseKeyRing } from "@lumen/media-tokens";
import { createPostgresSearch } from "@lumen/search";
import { startWranglerDev } from "@lumen/tools/wrangler-dev";
import { createCaller } from "@lumen/trpc";
import { eq } from "drizzle-orm";
import { benchArgs } from "./lib/args";
import { benchDatabase } from "./lib/database";
import { type BenchFigure, reportFigures } from "./lib/report";
import { printTable } from "./lib/stats";
import { benchClip } from "./video/clip";
import { firstSegmentDecodeSeconds, measureLimits, type PipelineLimits } from "./video/limits";
import { samplePeakRss } from "./video/process-tree";
import { startRunnerProcess, waitForVideoRunner } from "./video/runner";
import { benchTokenInNode, benchTokenInWorkerd } from "./video/token-bench";
import { uploadThroughEdge } from "./video/upload";

const { values } = benchArgs({
  options: {
    runs: { type: "string", default: "3" },
    seconds: { type: "string", default: "60" },
  },
});
const runs = Number(values.runs);
const seconds = Number(values.seconds);
const DEV_KEYS = "dev1:lumen-dev-only-media-key-not-for-production";
const median = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? Number.NaN;

const clip = await benchClip({ width: 1920, height: 1080, seconds, fps: 30 });
console.log(
  `source: ${clip.path} (${(clip.bytes / 1024 ** 2).toFixed(1)} MiB, ${seconds} s 1080p30)`,
);
const database = await benchDatabase();
if (!database.url) throw new Error("pnpm bench video needs Postgres: set TEST_DATABASE_URL");
const edge = await startWranglerDev({});
const runner = startRunnerProcess({ databaseUrl: database.url, edgeUrl: edge.url });
await waitForVideoRunner(database.client.db, runner);
const outbox = await openOutbox(database.client.connection);
const signer = createMediaSigner(parseKeyRing(DEV_KEYS), "dev1");
const media = {
  signer,
  store: new EdgeMediaStore({ edgeUrl: edge.url, signer }),
  edgeUrl: edge.url,
  maxUploadBytes: 5 * 1024 ** 3,
  playbackTtlSeconds: 900,
  uploadTtlSeconds: 3600,
};
const db = database.client.db;
const rows: Array<Record<string, string | number>> = [];
const limits: PipelineLimits[] = [];
// The same binaries the runner was given, so the limits measure the build the pipeline ran.
const limitFfmpeg = resolveFfmpeg({
  ...(process.env.FFMPEG_PATH ? { ffmpegPath: process.env.FFMPEG_PATH } : {}),
  ...(process.env.FFPROBE_PATH ? { ffprobePath: process.env.FFPROBE_PATH } : {}),
});

try {
  for (let run = 1; run <= runs; run++) {
    const { instructor, lessonId } = await createVideoLesson(db);
    const caller = createCaller({
      db,
      user: instructor,
      currentUser: () => loadSessionUser(db, instructor.id),
      outbox,
      search: createPostgresSearch({ db }),
      media,
      progress: createProgressIngest({ db, outbox }),
    });
    const { assetId, upload } = await caller.video.createUpload({
      lessonId,
      filename: "bench-1080p.mp4",
      byteSize: clip.bytes,
    });
    const memory = samplePeakRss(runner.pid);
    const uploadStarted = performance.now();
    await uploadThroughEdge(upload.url, clip.path);
    const uploadSeconds = (performance.now() - uploadStarted) / 1000;
    await caller.video.completeUpload({ assetId });
    const asset = await waitForTerminal(assetId, Math.max(600_000, seconds * 5_000));
    memory.stop();
    if (process.env.BENCH_VERBOSE) console.log(runner.output());
    if (asset.status !== "ready" || !asset.uploadedAt || !asset.playableAt || !asset.readyAt) {
      throw new Error(
        `run ${run}: asset ended ${asset.status}: ${asset.failureReason}\n--- runner ---\n${runner.output()}\n--- edge ---\n${edge.output()}`,
      );
    }
    const renditions = await db
      .select()
      .from(videoRenditions)
      .where(eq(videoRenditions.assetId, assetId));
    const since = (d: Date | null) =>
      d ? (d.getTime() - (asset.uploadedAt?.getTime() ?? 0)) / 1000 : Number.NaN;
    const full = since(asset.readyAt);
    rows.push({
      run,
      "upload MiB/s": clip.bytes / 1024 ** 2 / uploadSeconds,
      // Where the first-segment time goes: the probe job's pickup is the first part of it.
      "probe started s": since(asset.processingStartedAt),
      "first playable s": since(asset.playableAt),
      "full ladder s": full,
      "× real time": (asset.durationSeconds ?? seconds) / full,
      ...Object.fromEntries(renditions.map((r) => [`${r.name} ready s`, since(r.readyAt)])),
      "peak runner MiB": memory.peak() / 1024 ** 2,
    });
    // The runner is idle now: the limits get the machine as the pipeline had it.
    limits.push(await measureLimits(limitFfmpeg, clip.path));
    console.log(`run ${run}/${runs} done`);
  }
  const keys = Object.keys(rows[0] ?? {}).filter((k) => k !== "run");
  rows.push({
    run: "median",
    ...Object.fromEntries(keys.map((k) => [k, median(rows.map((r) => Number(r[k])))])),
  });
  printTable(
    `Video pipeline, ${seconds} s 1080p30 source, ${database.engine}, 2 parts in flight`,
    rows,
  );
  reportVideoFigures(rows, limits);
  const tokens = [await benchTokenInWorkerd(), await benchTokenInNode()];
  printTable(
    "Playback token check (HMAC-SHA256 via WebCrypto), µs per check",
    tokens.map((t) => ({ ...t })),
  );
} finally {
  await outbox.close();
  await runner.stop();
  await edge.stop();
  await database.dispose();
}

function reportVideoFigures(
  runRows: Array<Record<string, string | number>>,
  measured: PipelineLimits[],
): void {
  const of = (key: string) => median(runRows.slice(0, runs).map((r) => Number(r[key])));
  const limit = (pick: (l: PipelineLimits) => number) => median(measured.map(pick));
  const firstPlayable = of("first playable s");
  const fullLadder = of("full ladder s");
  const length = `${seconds} s 1080p30 source`;
  const firstTarget = 5;
  const ladderTarget = seconds === 60 ? 45 : undefined;
  const figure = (
    metric: string,
    value: number,
    limitValue: number,
    what: string,
    target?: number,
  ): BenchFigure => ({
    metric: `${metric}, ${length}`,
    figure: value,
    unit: "s",
    better: "lower",
    limit: { value: limitValue, what },
    ...(target === undefined ? {} : { target }),
  });
  reportFigures(
    seconds === 60 ? "video" : `video-${seconds}s`,
    `Video pipeline: upload complete → playable, ${length}, median of ${runs} run(s)`,
    [
      figure(
        "upload complete → first segment playable",
        firstPlayable,
        limit((l) => l.oneCommandFirstSegmentSeconds),
        "one ffmpeg command's first lowest-rung segment",
        firstTarget,
      ),
      figure(
        "upload complete → first segment playable",
        firstPlayable,
        limit(firstSegmentDecodeSeconds),
        "raw decode of the first segment's span",
        firstTarget,
      ),
      figure(
        "upload complete → full ladder",
        fullLadder,
        limit((l) => l.oneCommandSeconds),
        "one ffmpeg command, same ladder and settings",
        ladderTarget,
      ),
      figure(
        "upload complete → full ladder",
        fullLadder,
        limit((l) => l.decodeSeconds),
        "raw decode of the source",
        ladderTarget,
      ),
    ],
  );
}

async function waitForTerminal(assetId: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [asset] = await db.select().from(videoAssets).where(eq(videoAssets.id, assetId));
    if (!asset) throw new Error("asset vanished");
    if (asset.status === "ready" || asset.status === "failed") return asset;
    if (Date.now() > deadline)
      throw new Error(`asset still ${asset.status} after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
