import {
  type Database,
  playbackPositions,
  playbackStarts,
  videoAssets,
  videoRenditions,
} from "@lumen/db";
import { type MediaContext, PLAYABLE_RENDITION_STATUSES } from "@lumen/media";
import { MASTER_PLAYLIST } from "@lumen/media-tokens";
import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import { assertCanWatchLesson } from "../access";
import { NotFoundError, type SessionUser } from "../kernel";
import { coverageInSeconds, progressPosition } from "../progress";
import { listCaptions } from "./summary";
import type { CaptionTrack } from "./types";

/**
 * Closer to the end than this, a learner has finished: play again from the start. Relative
 * for short clips (a 6 s video must still resume at 3 s), at most 5 s for long ones.
 */
const RESUME_END_MARGIN_SECONDS = 5;
const RESUME_END_MARGIN_FRACTION = 0.05;

function endMargin(durationSeconds: number): number {
  return Math.min(RESUME_END_MARGIN_SECONDS, durationSeconds * RESUME_END_MARGIN_FRACTION);
}

export interface Playback {
  assetId: string;
  /** The master playlist at the edge; the token in the path covers every file it names. */
  url: string;
  posterUrl: string | null;
  expiresAt: string;
  durationSeconds: number | null;
  captions: CaptionTrack[];
  /** Playable renditions, lowest first (the lowest may still be growing while it encodes). */
  renditions: Array<{ name: string; height: number }>;
  /** True while the video is still being encoded: more qualities (or more of it) to come. */
  processing: boolean;
  resumeAtSeconds: number;
  /** Seconds of the video the learner has covered (enrolled learners' progress; else 0). */
  watchedSeconds: number;
  /** Which parts: merged [start, end) intervals in seconds, for the player to extend. */
  watched: Array<[number, number]>;
}

/**
 * A short-lived, signed playback URL for a lesson's video, and where to resume it. The first
 * URL a signed-in user gets for a lesson marks when their playback began: progress credits
 * coverage no faster than the player's top speed since then (ADR 0007).
 */
export async function getPlayback({
  db,
  user,
  media,
  input,
}: {
  db: Database;
  user: SessionUser | null;
  media: MediaContext;
  input: { lessonId: string };
}): Promise<Playback> {
  const lesson = await assertCanWatchLesson(db, user, input.lessonId);
  const [asset] = lesson.videoAssetId
    ? await db
        .select({
          id: videoAssets.id,
          durationSeconds: videoAssets.durationSeconds,
          posterPath: videoAssets.posterPath,
          playableAt: videoAssets.playableAt,
          status: videoAssets.status,
        })
        .from(videoAssets)
        .where(eq(videoAssets.id, lesson.videoAssetId))
    : [];
  if (!asset?.playableAt) throw new NotFoundError("This video isn't ready yet.");
  // Failed after its first rendition went live (e.g. a cut-off source found at the end of the
  // decode): what it played was never finished, so only a complete rendition may still play.
  if (asset.status === "failed" && !(await hasReadyRendition(db, asset.id))) {
    throw new NotFoundError("This video isn't ready yet.");
  }
  // Before the URL exists: nothing of the video can have been watched before this moment.
  if (user) await recordPlaybackStart(db, user.id, lesson.id);

  const [renditions, captions, saved, signed, progress] = await Promise.all([
    db
      .select({ name: videoRenditions.name, height: videoRenditions.height })
      .from(videoRenditions)
      .where(
        and(
          eq(videoRenditions.assetId, asset.id),
          inArray(videoRenditions.status, [...PLAYABLE_RENDITION_STATUSES]),
          isNotNull(videoRenditions.path),
        ),
      )
      .orderBy(asc(videoRenditions.height)),
    listCaptions(db, asset.id),
    user
      ? db
          .select({
            positionSeconds: playbackPositions.positionSeconds,
            updatedAt: playbackPositions.updatedAt,
          })
          .from(playbackPositions)
          .where(
            and(eq(playbackPositions.userId, user.id), eq(playbackPositions.lessonId, lesson.id)),
          )
          .then((rows) => rows[0])
      : undefined,
    media.signer.sign("play", asset.id, media.playbackTtlSeconds),
    user ? progressPosition(db, user.id, lesson.id) : undefined,
  ]);
  const base = `${media.edgeUrl.replace(/\/+$/, "")}/v/${signed.token}`;
  const at = latestPosition(saved, progress) ?? 0;
  const finished =
    asset.durationSeconds !== null &&
    at >= asset.durationSeconds - endMargin(asset.durationSeconds);
  return {
    assetId: asset.id,
    url: `${base}/${MASTER_PLAYLIST}`,
    posterUrl: asset.posterPath ? `${base}/${asset.posterPath}` : null,
    expiresAt: signed.expiresAt.toISOString(),
    durationSeconds: asset.durationSeconds,
    captions,
    renditions,
    processing: asset.status === "processing",
    resumeAtSeconds: finished ? 0 : at,
    watchedSeconds: progress?.watchedSeconds ?? 0,
    watched: coverageInSeconds(progress?.coverage ?? []),
  };
}

async function hasReadyRendition(db: Database, assetId: string): Promise<boolean> {
  const [ready] = await db
    .select({ name: videoRenditions.name })
    .from(videoRenditions)
    .where(and(eq(videoRenditions.assetId, assetId), eq(videoRenditions.status, "ready")))
    .limit(1);
  return Boolean(ready);
}

interface SavedPosition {
  positionSeconds: number;
  updatedAt: Date;
}

/**
 * Enrolled learners report through two paths: video.savePosition and the progress events
 * (lesson_progress). Resume from whichever was written last.
 */
function latestPosition(saved?: SavedPosition, progress?: SavedPosition): number | undefined {
  if (!saved || !progress) return (saved ?? progress)?.positionSeconds;
  return (progress.updatedAt > saved.updatedAt ? progress : saved).positionSeconds;
}

/**
 * The first playback URL for (user, lesson) marks when their playback began; later ones
 * don't move it. The API's clock, like the progress write that measures time since then.
 */
async function recordPlaybackStart(db: Database, userId: string, lessonId: string) {
  await db
    .insert(playbackStarts)
    .values({ userId, lessonId, startedAt: new Date() })
    .onConflictDoNothing();
}
