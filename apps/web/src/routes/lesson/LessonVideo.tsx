import { Trans, useLingui } from "@lingui/react/macro";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { ErrorState } from "../../components/states";
import { useSession } from "../../lib/session";
import { apiErrorCode, type CourseDetail, queryClient, trpc } from "../../lib/trpc";
import { LockedLesson } from "./LockedLesson";
import s from "./lesson.module.css";
import { VideoPlayer } from "./player/VideoPlayer";

export const playbackQuery = (lessonId: string) => ({
  ...trpc.video.playback.queryOptions({ lessonId }),
  // Where to resume changes as the learner watches: the answer is dropped when the page
  // closes (below), so only the loader's prefetch of a moment ago is ever reused.
  staleTime: 10_000,
});

/** A video lesson: the player, or why it cannot play (locked, not ready, failed). */
export function LessonVideo({
  course,
  lessonId,
  title,
}: {
  course: CourseDetail;
  lessonId: string;
  title: string;
}) {
  const { t } = useLingui();
  const playback = useQuery(playbackQuery(lessonId));
  const signedIn = Boolean(useSession().data);
  const client = useQueryClient();
  const { refetch } = playback;
  const enrollmentId = course.enrollment?.id ?? null;
  // The next visit must ask for a fresh position, not reuse this one.
  useEffect(
    () => () => queryClient.removeQueries({ queryKey: playbackQuery(lessonId).queryKey }),
    [lessonId],
  );

  if (playback.isPending) return <PlayerSkeleton />;
  if (playback.isError) {
    const code = apiErrorCode(playback.error);
    if (code === "FORBIDDEN" || code === "UNAUTHORIZED") {
      return <LockedLesson course={course} kind="video" />;
    }
    if (code === "NOT_FOUND") {
      return (
        <div className={s.lockedFrame} role="status">
          <p className={s.lockedTitle}>
            {(playback.error.message || t`This video isn't ready yet`).replace(/\.$/, "")}
          </p>
          <p>
            <Trans>Check back soon.</Trans>
          </p>
        </div>
      );
    }
    return <ErrorState message={t`We could not load this video.`} onRetry={() => refetch()} />;
  }
  // The resume position is the newer of the learner's progress events and saved positions.
  return (
    <>
      <VideoPlayer
        key={playback.data.assetId}
        source={playback.data}
        title={title}
        lessonId={lessonId}
        reportProgress={signedIn}
        enrollmentId={enrollmentId}
        onReachedEnd={() =>
          void client.invalidateQueries(trpc.progress.course.queryFilter({ courseId: course.id }))
        }
        renewUrl={async () => (await refetch()).data?.url ?? null}
      />
      {playback.data.processing && (
        // Playable while it encodes (ADR 0030): the lowest quality plays now, the rest arrive
        // in the master playlist, which the player reads when the page loads.
        <p className={s.processingNote} role="status">
          <Trans>
            This video is still processing. Higher qualities will be available when you reload the
            page.
          </Trans>
        </p>
      )}
    </>
  );
}

function PlayerSkeleton() {
  return (
    <div className={s.playerSkeleton} role="status">
      <span className="visually-hidden">
        <Trans>Loading the video…</Trans>
      </span>
    </div>
  );
}
