import { join } from "node:path";
import type { Database } from "@lumen/db";
import { videoAssets, videoRenditions } from "@lumen/db/schema";
import { and, eq, inArray, ne } from "drizzle-orm";
import { z } from "zod";
import type { FfmpegConfig } from "../ffmpeg/binaries";
import { segmentCodecs } from "../ffmpeg/codecs";
import { encodeHls } from "../ffmpeg/encode";
import { planLadder, type RenditionPlan } from "../ffmpeg/ladder";
import { withPrivateTempDir } from "../ffmpeg/run";
import { generationId } from "../hls/playlists";
import type { MediaStore } from "../store/types";
import { clearFailedAttempts, type Rejected, settleTranscodeError } from "./failure";
import { followLiveRendition } from "./live-rendition";
import { throttledProgress } from "./progress";
import {
  type Published,
  publishLiveRendition,
  publishRenditions,
  type UploadedRendition,
} from "./publish-renditions";
import { type OpenedSource, withSource } from "./source";
import type { SourceCache } from "./source-cache";
import { removeStaleOutputs } from "./stale-outputs";
import { uploadRendition } from "./upload";

/** Kept under the queue's 60 min expiry, so ffmpeg is stopped before pg-boss gives up on it. */
const MAX_ENCODE_MS = 55 * 60_000;
const MIN_ENCODE_MS = 5 * 60_000;
/** Wall-clock allowance per second of video for a group of renditions on a slow runner. */
const ENCODE_MS_PER_SECOND = 10_000;

export interface EncodeRenditionsInput {
  db: Database;
  store: MediaStore;
  ffmpeg: FfmpegConfig;
  assetId: string;
  /** Rendition names, e.g. ["360p"] or ["720p", "1080p"]: encoded from one decode. */
  renditions: readonly string[];
  signal?: AbortSignal | undefined;
  /** 0-based; informational (the job runner logs it). */
  attempt?: number;
  /** When true, a transient failure also ends the asset `failed` (no retry follows). */
  finalAttempt?: boolean;
  /** How many attempts the job gets in all; shown with a failed attempt's error. */
  maxAttempts?: number;
  /** OS niceness for ffmpeg: 0 for the first playable rendition, higher for the ladder. */
  niceness?: number;
  /**
   * Upload while encoding: each rendition's EVENT playlist and segments go up as ffmpeg writes
   * them, and the rendition is published (the asset playable) once its first segments are up.
   * For the group holding the lowest rendition; the rest of the ladder publishes when complete.
   */
  live?: boolean;
  /** How often a live rendition's local playlist is checked (tests shorten it). */
  livePollMs?: number;
  /** This runner's source downloads (source-cache.ts): the probe's, when it ran here. */
  sources?: SourceCache | undefined;
}

export type EncodeOutcome =
  | { outcome: "skipped"; reason: string }
  | Rejected
  | ({ outcome: "encoded"; cleanupError?: string } & Published);

// The part of the stored probe the encoder needs; the column is jsonb, so it is checked again.
const storedProbe = z.object({ hasAudio: z.boolean() });

/**
 * Encodes a group of renditions from one decode of the source, uploads each under a directory
 * no other attempt uses (`hls/<name>-<gen>/`), then publishes them. Renditions already ready
 * are skipped; when a duplicate attempt wins the race anyway, this one removes its upload.
 */
export async function encodeRenditions(input: EncodeRenditionsInput): Promise<EncodeOutcome> {
  const { db, store, assetId } = input;
  const written: string[] = [];
  const wentLive = { value: false };
  try {
    const target = await loadTarget(db, assetId, input.renditions);
    if ("skip" in target) return { outcome: "skipped", reason: target.skip };
    let encoded: UploadedRendition[];
    try {
      encoded = await withPrivateTempDir((dir) =>
        withSource({ store, assetId, dir, cache: input.sources }, (source) =>
          encodeAndUpload(source, input, target, dir, written, wentLive),
        ),
      );
    } catch (error) {
      // A rendition that went live is what the master playlist names: players keep it until
      // a retry publishes its own directory and removes this one (removeStaleOutputs).
      if (!wentLive.value) await store.delete(assetId, written).catch(() => {});
      throw error;
    }
    // A failure here leaves the upload in place: if the commit did land, players read it. A
    // retry publishes a fresh directory and removes this one once it is unreferenced.
    const published = await publishRenditions({ db, store, assetId, encoded });
    await clearFailedAttempts(db, assetId);
    const cleanupError = await removeStaleOutputs({ store, assetId, encoded, published, written });
    return { outcome: "encoded", ...published, ...(cleanupError ? { cleanupError } : {}) };
  } catch (error) {
    return settleTranscodeError({
      db,
      assetId,
      error,
      attempt: input.attempt,
      maxAttempts: input.maxAttempts,
      finalAttempt: input.finalAttempt ?? false,
    });
  }
}

interface Target {
  plan: RenditionPlan[];
  hasAudio: boolean;
  durationSeconds: number;
}

async function loadTarget(
  db: Database,
  assetId: string,
  names: readonly string[],
): Promise<Target | { skip: string }> {
  const [asset] = await db.select().from(videoAssets).where(eq(videoAssets.id, assetId));
  if (!asset) return { skip: "asset not found" };
  if (asset.status !== "processing") return { skip: `asset is ${asset.status}` };
  const rows = await db
    .select({ name: videoRenditions.name })
    .from(videoRenditions)
    .where(
      and(
        eq(videoRenditions.assetId, assetId),
        inArray(videoRenditions.name, [...names]),
        ne(videoRenditions.status, "ready"),
      ),
    );
  if (rows.length === 0) return { skip: "renditions already ready" };
  if (asset.width === null || asset.height === null || asset.durationSeconds === null) {
    throw new Error(`asset ${assetId} has renditions but no probe`);
  }
  const { hasAudio } = storedProbe.parse(asset.probe);
  // The probe planned these rows from the same numbers, so the ladder recomputes the same rungs.
  const wanted = new Set(rows.map((r) => r.name));
  const plan = planLadder({ width: asset.width, height: asset.height, hasAudio }).filter((r) =>
    wanted.has(r.name),
  );
  if (plan.length !== wanted.size) throw new Error(`asset ${assetId}: ladder no longer matches`);
  return { plan, hasAudio, durationSeconds: asset.durationSeconds };
}

async function encodeAndUpload(
  source: OpenedSource,
  input: EncodeRenditionsInput,
  target: Target,
  dir: string,
  written: string[],
  wentLive: { value: boolean },
): Promise<UploadedRendition[]> {
  const { db, store, ffmpeg, assetId, signal } = input;
  const names = target.plan.map((r) => r.name);
  const inGroup = and(
    eq(videoRenditions.assetId, assetId),
    inArray(videoRenditions.name, names),
    ne(videoRenditions.status, "ready"),
  );
  await db.update(videoRenditions).set({ status: "processing", progress: 0 }).where(inGroup);
  const progress = throttledProgress((percent) =>
    db.update(videoRenditions).set({ progress: percent }).where(inGroup),
  );
  const outDir = join(dir, "out");
  const paths = new Map(names.map((name) => [name, `${name}-${generationId()}`]));
  const live = input.live
    ? target.plan.map((r) =>
        followLiveRendition({
          store,
          assetId,
          localDir: join(outDir, r.name),
          dir: paths.get(r.name) ?? r.name,
          written,
          pollMs: input.livePollMs,
          onPlayable: async (firstSegment) => {
            const codecs = await segmentCodecs(ffmpeg, firstSegment, target.hasAudio);
            const rendition = { name: r.name, path: paths.get(r.name) ?? r.name, codecs };
            if (await publishLiveRendition({ db, store, assetId, rendition })) {
              wentLive.value = true;
            }
          },
        }),
      )
    : [];
  let outputs: Awaited<ReturnType<typeof encodeHls>>;
  try {
    outputs = await encodeHls(ffmpeg, {
      input: source.input,
      format: source.format,
      outDir,
      renditions: target.plan,
      hasAudio: target.hasAudio,
      durationSeconds: target.durationSeconds,
      niceness: input.niceness ?? 0,
      signal,
      timeoutMs: Math.min(
        MAX_ENCODE_MS,
        Math.max(MIN_ENCODE_MS, target.durationSeconds * ENCODE_MS_PER_SECOND),
      ),
      onProgress: progress.report,
      playlistType: input.live ? "event" : "vod",
    });
  } catch (error) {
    await Promise.all(live.map((l) => l.stop()));
    throw error;
  } finally {
    await progress.settle();
  }
  // Every follower settles before this returns, so no upload lands after a cleanup.
  const finished = await Promise.allSettled(live.map((l) => l.finish()));
  const failed = finished.find((f) => f.status === "rejected");
  if (failed) throw failed.reason;
  const encoded: UploadedRendition[] = [];
  for (const output of outputs) {
    const path = paths.get(output.name) ?? `${output.name}-${generationId()}`;
    if (!input.live) {
      await uploadRendition({
        store,
        assetId,
        localDir: output.dir,
        files: output.files,
        dir: path,
        written,
      });
    }
    encoded.push({ name: output.name, path, codecs: output.codecs });
  }
  return encoded;
}
