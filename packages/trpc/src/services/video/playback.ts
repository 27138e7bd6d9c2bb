import { type Database, playbackPositions, videoAssets, videoRenditions } from "@lumen/db";
import type { MediaContext } from "@lumen/media";
import { MASTER_PLAYLIST } from "@lumen/media-tokens";
import { and, asc, eq } from "drizzle-orm";
import type { SessionUser } from "../../context";
import { NotFoundError } from "../../errors";
import { progressPosition } from "../progress/saved-position";
import { listCaptions } from "./summary";
import type { CaptionTrack } from "./types";
import { assertCanWatchLesson } from "./watch-access";

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
  /** Playable renditions, lowest first. */
  renditions: Array<{ name: string; height: number }>;
  resumeAtSeconds: number;
  watchedSeconds: number;
}

/** A short-lived, signed playback URL for a lesson's video, and where to resume it. */
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
        })
        .from(videoAssets)
        .where(eq(videoAssets.id, lesson.videoAssetId))
    : [];
  if (!asset?.playableAt) throw new NotFoundError("This video isn't ready yet.");

  const [renditions, captions, saved, signed, progress] = await Promise.all([
    db
      .select({ name: videoRenditions.name, height: videoRenditions.height })
      .from(videoRenditions)
      .where(and(eq(videoRenditions.assetId, asset.id), eq(videoRenditions.status, "ready")))
      .orderBy(asc(videoRenditions.height)),
    listCaptions(db, asset.id),
    user
      ? db
          .select({
            positionSeconds: playbackPositions.positionSeconds,
            watchedSeconds: playbackPositions.watchedSeconds,
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
  const position = latestPosition(saved, progress);
  const base = `${media.edgeUrl.replace(/\/+$/, "")}/v/${signed.token}`;
  const at = position?.positionSeconds ?? 0;
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
    resumeAtSeconds: finished ? 0 : at,
    watchedSeconds: position?.watchedSeconds ?? 0,
  };
}

interface SavedPosition {
  positionSeconds: number;
  watchedSeconds: number;
  updatedAt: Date;
}

/**
 * Enrolled learners report through two paths: video.savePosition and the progress events
 * (lesson_progress). Resume from whichever was written last; watch time is the larger.
 */
function latestPosition(
  saved: SavedPosition | undefined,
  progress: SavedPosition | undefined,
): Omit<SavedPosition, "updatedAt"> | undefined {
  if (!saved || !progress) return saved ?? progress;
  const latest = progress.updatedAt > saved.updatedAt ? progress : saved;
  return {
    positionSeconds: latest.positionSeconds,
    watchedSeconds: Math.max(saved.watchedSeconds, progress.watchedSeconds),
  };
}
