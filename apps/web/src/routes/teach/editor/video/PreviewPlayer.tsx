import { Trans, useLingui } from "@lingui/react/macro";
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { fieldStyles as f } from "../../../../components/ui/Field";
import { trpc } from "../../../../lib/trpc";
import { VideoPlayer } from "../../../lesson/player/VideoPlayer";
import s from "./video-editor.module.css";

/** What learners will see, for the instructor; it saves no position or watch time. */
export default function PreviewPlayer({
  lessonId,
  assetId,
  title,
  seekTo = null,
}: {
  lessonId: string;
  /** The asset the editor knows is current; without it, whatever the lesson plays. */
  assetId?: string;
  title: string;
  /** Jump to a second (the dashboard's retention chart asks); each new object seeks. */
  seekTo?: { seconds: number } | null;
}) {
  const { t } = useLingui();
  const playback = useQuery({ ...trpc.video.playback.queryOptions({ lessonId }), staleTime: 0 });
  const { refetch } = playback;
  const playing = playback.data?.assetId;
  // A replacement became the lesson's video: fetch its URL.
  useEffect(() => {
    if (assetId && playing && playing !== assetId) void refetch();
  }, [playing, assetId, refetch]);
  if (playback.isPending) return <div className={s.playerSkeleton} aria-hidden="true" />;
  if (playback.isError) {
    return (
      <p className={f.error} role="alert">
        <Trans>The preview couldn't load: {playback.error.message}</Trans>
      </p>
    );
  }
  return (
    <div className={s.preview}>
      <VideoPlayer
        key={playback.data.assetId}
        source={{ ...playback.data, resumeAtSeconds: 0 }}
        title={t`Preview of ${title}`}
        lessonId={lessonId}
        reportProgress={false}
        renewUrl={async () => (await refetch()).data?.url ?? null}
        seekTo={seekTo}
      />
    </div>
  );
}
