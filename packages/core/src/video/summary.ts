import { type Database, videoAssets, videoCaptions, videoRenditions } from "@lumen/db";
import { capabilityUnavailableReason, VIDEO_PROCESSING } from "@lumen/jobs";
import { asc, eq, inArray } from "drizzle-orm";
import type { CaptionTrack, VideoStatus, VideoSummary } from "./types";

type Rendition = VideoSummary["renditions"][number];

const iso = (date: Date | null) => date?.toISOString() ?? null;

/**
 * Overall progress: each rendition's progress weighted by its pixel count (a 1080p encode is
 * most of the work). Nothing before processing starts; 100 only once the asset is ready, so
 * the bar never says 100 % while the editor still says "processing".
 */
export function videoPercent(status: VideoStatus, renditions: readonly Rendition[]): number {
  if (status === "ready") return 100;
  if (status !== "processing" && status !== "failed") return 0;
  let weight = 0;
  let done = 0;
  for (const r of renditions) {
    const pixels = r.width * r.height;
    weight += pixels;
    done += pixels * (r.status === "ready" ? 100 : r.progress);
  }
  if (weight === 0) return 0;
  return Math.min(99, Math.max(0, Math.floor(done / weight)));
}

/** The renditions of these assets, lowest first, keyed by asset id. */
export async function loadRenditionsOf(
  db: Database,
  assetIds: readonly string[],
): Promise<Map<string, Rendition[]>> {
  const byAsset = new Map<string, Rendition[]>();
  if (assetIds.length === 0) return byAsset;
  const rows = await db
    .select()
    .from(videoRenditions)
    .where(inArray(videoRenditions.assetId, [...new Set(assetIds)]))
    .orderBy(asc(videoRenditions.height), asc(videoRenditions.name));
  for (const r of rows) {
    const list = byAsset.get(r.assetId) ?? [];
    list.push({
      name: r.name,
      width: r.width,
      height: r.height,
      status: r.status,
      progress: r.progress,
      readyAt: iso(r.readyAt),
    });
    byAsset.set(r.assetId, list);
  }
  return byAsset;
}

/** Caption tracks in the order the master playlist lists them. */
export async function listCaptions(db: Database, assetId: string): Promise<CaptionTrack[]> {
  return db
    .select({ language: videoCaptions.language, label: videoCaptions.label })
    .from(videoCaptions)
    .where(eq(videoCaptions.assetId, assetId))
    .orderBy(asc(videoCaptions.createdAt), asc(videoCaptions.language));
}

/** Summaries of these assets, keyed by id (three queries, whatever the count). */
export async function loadVideoSummaries(
  db: Database,
  assetIds: readonly string[],
): Promise<Map<string, VideoSummary>> {
  const ids = [...new Set(assetIds)];
  if (ids.length === 0) return new Map();
  const [assets, renditions, captions] = await Promise.all([
    db.select().from(videoAssets).where(inArray(videoAssets.id, ids)),
    loadRenditionsOf(db, ids),
    db
      .select()
      .from(videoCaptions)
      .where(inArray(videoCaptions.assetId, ids))
      .orderBy(asc(videoCaptions.createdAt), asc(videoCaptions.language)),
  ]);
  const waiting = assets.some((a) => a.status === "queued" || a.status === "processing");
  const unavailable = waiting ? await capabilityUnavailableReason(db, VIDEO_PROCESSING) : null;
  const summaries = new Map<string, VideoSummary>();
  for (const a of assets) {
    const own = renditions.get(a.id) ?? [];
    summaries.set(a.id, {
      id: a.id,
      status: a.status,
      failureReason: a.failureReason,
      percent: videoPercent(a.status, own),
      processingUnavailable:
        a.status === "queued" || a.status === "processing" ? unavailable : null,
      lastAttempt:
        a.lastError && a.lastErrorAt
          ? {
              failed: a.failedAttempts,
              max: a.maxAttempts,
              error: a.lastError,
              at: a.lastErrorAt.toISOString(),
            }
          : null,
      originalFilename: a.originalFilename,
      byteSize: a.byteSize,
      durationSeconds: a.durationSeconds,
      width: a.width,
      height: a.height,
      createdAt: a.createdAt.toISOString(),
      uploadedAt: iso(a.uploadedAt),
      processingStartedAt: iso(a.processingStartedAt),
      playableAt: iso(a.playableAt),
      readyAt: iso(a.readyAt),
      renditions: own,
      captions: captions
        .filter((c) => c.assetId === a.id)
        .map((c) => ({ language: c.language, label: c.label })),
    });
  }
  return summaries;
}

export async function loadVideoSummary(db: Database, assetId: string): Promise<VideoSummary> {
  const summary = (await loadVideoSummaries(db, [assetId])).get(assetId);
  if (!summary) throw new Error(`video asset ${assetId} vanished`);
  return summary;
}
