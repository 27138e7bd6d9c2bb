import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Database } from "@lumen/db";
import { videoAssets, videoRenditions } from "@lumen/db/schema";
import { encodeVideoJob, type Outbox } from "@lumen/jobs";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { FfmpegConfig } from "../ffmpeg/binaries";
import { MediaRejectedError } from "../ffmpeg/errors";
import { planLadder, type RenditionPlan } from "../ffmpeg/ladder";
import { renderPoster } from "../ffmpeg/poster";
import { probeMedia } from "../ffmpeg/probe";
import { withPrivateTempDir } from "../ffmpeg/run";
import { generationId } from "../hls/playlists";
import type { MediaStore } from "../store/types";
import { clearFailedAttempts, type Rejected, settleTranscodeError } from "./failure";
import { type OpenedSource, withSource } from "./source";
import type { SourceCache } from "./source-cache";

const PROBE_TIMEOUT_MS = 60_000;
const POSTER_TIMEOUT_MS = 60_000;
/** The first playable rendition runs ahead of the rest of the ladder. */
export const FIRST_RENDITION_PRIORITY = 10;

export interface ProbeVideoInput {
  db: Database;
  store: MediaStore;
  outbox: Outbox;
  ffmpeg: FfmpegConfig;
  assetId: string;
  signal?: AbortSignal | undefined;
  /** 0-based; informational (the job runner logs it). */
  attempt?: number;
  /** When true, a transient failure also ends the asset `failed` (no retry follows). */
  finalAttempt?: boolean;
  /** How many attempts the job gets in all; shown with a failed attempt's error. */
  maxAttempts?: number;
  /** This runner's source downloads (source-cache.ts): the encodes read the one started here. */
  sources?: SourceCache | undefined;
}

export type ProbeOutcome =
  | { outcome: "skipped"; reason: string }
  | Rejected
  | {
      outcome: "planned";
      renditions: string[];
      durationSeconds: number;
      /** Why no poster was made (the video still encodes and plays without one). */
      posterError?: string;
    };

/**
 * Checks an uploaded source (magic bytes, then ffprobe with that explicit format), plans the
 * ladder, and in one transaction records it and enqueues the encode jobs: the lowest
 * rendition alone at high priority, the rest as one job. Idempotent: once a plan is committed
 * its encode jobs exist too, so a repeated attempt changes nothing.
 *
 * The poster is rendered after the commit, while the first encode (woken by the commit's
 * NOTIFY, reading this runner's download of the source) is already under way: it is not on the path
 * to the first playable segment (ADR 0030). A poster that cannot be made leaves the asset
 * without one (`posterError`), as a video is still worth playing.
 */
export async function probeVideo(input: ProbeVideoInput): Promise<ProbeOutcome> {
  const { db, assetId } = input;
  try {
    const skip = await whyNotProbe(db, assetId);
    if (skip) return { outcome: "skipped", reason: skip };
    await db
      .update(videoAssets)
      .set({
        status: "processing",
        processingStartedAt: sql`coalesce(${videoAssets.processingStartedAt}, now())`,
        updatedAt: new Date(),
      })
      .where(
        and(eq(videoAssets.id, assetId), inArray(videoAssets.status, ["queued", "processing"])),
      );
    return await withPrivateTempDir((dir) =>
      withSource({ ...input, dir, cache: input.sources }, async (source) => {
        const inspected = await inspectSource(input, source);
        if (!(await commitPlan(input, inspected))) {
          return { outcome: "skipped", reason: "planned by another attempt" } as const;
        }
        await clearFailedAttempts(db, assetId);
        const posterError = await makePoster(input, inspected, dir).then(
          () => undefined,
          (error: unknown) => (error instanceof Error ? error.message : String(error)),
        );
        return {
          outcome: "planned",
          renditions: inspected.plan.map((r) => r.name),
          durationSeconds: inspected.probe.durationSeconds,
          ...(posterError === undefined ? {} : { posterError }),
        } as const;
      }),
    );
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

async function whyNotProbe(db: Database, assetId: string): Promise<string | null> {
  const [asset] = await db
    .select({ status: videoAssets.status })
    .from(videoAssets)
    .where(eq(videoAssets.id, assetId));
  if (!asset) return "asset not found";
  if (asset.status !== "queued" && asset.status !== "processing") return `asset is ${asset.status}`;
  const [planned] = await db
    .select({ name: videoRenditions.name })
    .from(videoRenditions)
    .where(eq(videoRenditions.assetId, assetId))
    .limit(1);
  return planned ? "already planned" : null;
}

type Inspected = Awaited<ReturnType<typeof inspectSource>>;

async function inspectSource({ ffmpeg, signal }: ProbeVideoInput, source: OpenedSource) {
  const probe = await probeMedia(ffmpeg, source.input, source.format, {
    signal,
    timeoutMs: PROBE_TIMEOUT_MS,
    bytes: source.bytes,
  });
  const plan = planLadder({ width: probe.width, height: probe.height, hasAudio: probe.hasAudio });
  if (plan.length === 0) throw new MediaRejectedError("The video has no picture to encode.");
  return { source, probe: { container: source.format, ...probe }, plan };
}

/** Renders, stores and records the poster, unless the asset has one or has ended meanwhile. */
async function makePoster(
  input: ProbeVideoInput,
  { source, probe }: Inspected,
  dir: string,
): Promise<void> {
  const { db, store, ffmpeg, assetId, signal } = input;
  const poster = join(dir, "poster.jpg");
  await renderPoster(ffmpeg, {
    input: source.input,
    format: source.format,
    output: poster,
    atSeconds: Math.min(probe.durationSeconds * 0.1, 5),
    signal,
    timeoutMs: POSTER_TIMEOUT_MS,
  });
  const posterPath = `poster-${generationId()}.jpg`;
  await store.put(assetId, `hls/${posterPath}`, await readFile(poster), "image/jpeg");
  const recorded = await db
    .update(videoAssets)
    .set({ posterPath, updatedAt: new Date() })
    .where(
      and(
        eq(videoAssets.id, assetId),
        isNull(videoAssets.posterPath),
        inArray(videoAssets.status, ["processing", "ready"]),
      ),
    )
    .returning({ id: videoAssets.id });
  if (recorded.length === 0) await store.delete(assetId, [`hls/${posterPath}`]);
}

/** Records the plan and enqueues its encodes, unless another attempt already did. */
async function commitPlan(input: ProbeVideoInput, inspected: Inspected): Promise<boolean> {
  const { db, outbox, assetId } = input;
  const { probe, plan } = inspected;
  const [first, ...rest] = plan.map((r) => r.name);
  if (!first) throw new Error("empty rendition plan");
  return db.transaction(async (tx) => {
    const [asset] = await tx
      .select({ status: videoAssets.status })
      .from(videoAssets)
      .where(eq(videoAssets.id, assetId))
      .for("update");
    if (asset?.status !== "processing") return false;
    const [planned] = await tx
      .select({ name: videoRenditions.name })
      .from(videoRenditions)
      .where(eq(videoRenditions.assetId, assetId))
      .limit(1);
    if (planned) return false;
    await tx
      .update(videoAssets)
      .set({
        probe,
        durationSeconds: probe.durationSeconds,
        width: probe.width,
        height: probe.height,
        updatedAt: new Date(),
      })
      .where(eq(videoAssets.id, assetId));
    await tx.insert(videoRenditions).values(plan.map((r) => renditionRow(assetId, r)));
    await outbox.enqueue(
      tx,
      encodeVideoJob,
      { assetId, renditions: [first] },
      { priority: FIRST_RENDITION_PRIORITY },
    );
    if (rest.length > 0) {
      await outbox.enqueue(tx, encodeVideoJob, { assetId, renditions: rest }, { priority: 0 });
    }
    return true;
  });
}

function renditionRow(assetId: string, r: RenditionPlan) {
  return {
    assetId,
    name: r.name,
    width: r.width,
    height: r.height,
    bandwidth: r.bandwidth,
    status: "pending" as const,
    progress: 0,
  };
}
