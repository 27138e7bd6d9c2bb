import { Plural, Trans, useLingui } from "@lingui/react/macro";
import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  useActiveTooltipLabel,
  XAxis,
  YAxis,
} from "recharts";
import { trpc } from "../../../lib/trpc";
import s from "./analytics.module.css";
import {
  csvHref,
  formatSecond,
  formatShare,
  retentionSummary,
  type VideoEngagement,
  type VideoSummary,
} from "./analytics-view";
import {
  AsOf,
  ChartFigure,
  CsvLink,
  NoActivity,
  SERIES,
  TabError,
  TabSkeleton,
  TOOLTIP,
} from "./parts";
import { SeekButton, SegmentLists } from "./VideoSegments";

// The editor's preview (the lesson player without progress reports), only once a video is picked.
const PreviewPlayer = lazy(() => import("../editor/video/PreviewPlayer"));

/** Per video lesson: who watched how much, where they stopped and what they watched again. */
export function VideoTab({ courseId }: { courseId: string }) {
  const { t } = useLingui();
  const videos = useQuery(trpc.analytics.videos.queryOptions({ courseId }));
  const [picked, setPicked] = useState<string | null>(null);
  const list = videos.data?.videos ?? [];
  const lessonId = picked ?? list.find((v) => v.viewers > 0)?.lessonId ?? list[0]?.lessonId ?? null;
  return (
    <div className={s.tab}>
      {videos.isPending ? (
        <TabSkeleton label={t`Loading the videos…`} />
      ) : videos.isError ? (
        <TabError what={t`the videos`} onRetry={() => videos.refetch()} />
      ) : list.length === 0 ? (
        <>
          <AsOf asOf={videos.data.asOf} />
          <NoActivity title={t`No video lessons`} />
        </>
      ) : (
        <>
          <VideoPicker videos={list} selected={lessonId} onPick={setPicked} courseId={courseId} />
          {lessonId && <VideoDetail courseId={courseId} lessonId={lessonId} />}
        </>
      )}
    </div>
  );
}

function VideoPicker({
  videos,
  selected,
  onPick,
  courseId,
}: {
  videos: readonly VideoSummary[];
  selected: string | null;
  onPick: (lessonId: string) => void;
  courseId: string;
}) {
  const { t } = useLingui();
  return (
    <section aria-labelledby="video-picker-heading" className={s.tab}>
      <div className={s.figureHead}>
        <h2 id="video-picker-heading">
          <Trans>Video lessons</Trans>
        </h2>
        <CsvLink href={csvHref(courseId, "videos")} what={t`the video lessons`} />
      </div>
      <ul className={s.pickList}>
        {videos.map((video) => (
          <li key={video.lessonId}>
            <button
              type="button"
              className={s.pick}
              aria-pressed={video.lessonId === selected}
              onClick={() => onPick(video.lessonId)}
            >
              <strong translate="no">{video.title}</strong>
              <span className={s.pickMeta}>
                <Plural value={video.viewers} one="# viewer" other="# viewers" /> ·{" "}
                <Trans>{formatShare(video.averageWatchedShare)} watched on average</Trans>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function VideoDetail({ courseId, lessonId }: { courseId: string; lessonId: string }) {
  const { t } = useLingui();
  const video = useQuery(trpc.analytics.video.queryOptions({ courseId, lessonId }));
  const [seekTo, setSeekTo] = useState<{ seconds: number } | null>(null);
  const playerRef = useRef<HTMLDivElement>(null);
  const seek = (seconds: number) => {
    setSeekTo({ seconds });
    playerRef.current?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  };
  if (video.isPending) return <TabSkeleton label={t`Loading the video's engagement…`} />;
  if (video.isError)
    return <TabError what={t`this video's engagement`} onRetry={() => video.refetch()} />;
  const data = video.data;
  return (
    <section aria-labelledby="video-detail-heading" className={s.tab}>
      <h2 id="video-detail-heading" translate="no">
        {data.title}
      </h2>
      <AsOf asOf={data.asOf} />
      {data.viewers === 0 ? (
        <NoActivity title={t`Nobody has watched this video yet`} />
      ) : (
        <>
          <RetentionChart
            video={data}
            onSeek={seek}
            csv={csvHref(courseId, "video", { lessonId })}
          />
          <div className={s.columns}>
            <div ref={playerRef} className={s.player}>
              <Suspense fallback={<div className={s.skeleton} aria-hidden="true" />}>
                <PreviewPlayer lessonId={lessonId} title={data.title} seekTo={seekTo} />
              </Suspense>
            </div>
            <div className={s.tab}>
              <SegmentLists video={data} onSeek={seek} />
            </div>
          </div>
        </>
      )}
    </section>
  );
}

function RetentionChart({
  video,
  onSeek,
  csv,
}: {
  video: VideoEngagement;
  onSeek: (second: number) => void;
  csv: string;
}) {
  const { t } = useLingui();
  // The point the keyboard layer (arrow keys) or the pointer is on; Enter seeks to it.
  const active = useRef<number | null>(null);
  const data = video.points.map((p) => ({
    ...p,
    time: formatSecond(p.second),
    retentionPercent: Math.round(p.retention * 100),
    playsPerViewer: p.viewers > 0 ? Math.round((p.plays / p.viewers) * 100) / 100 : 0,
  }));
  const summary = retentionSummary(video);
  const secondAt = (label: unknown) => data.find((p) => p.time === label)?.second ?? null;
  return (
    <ChartFigure
      title={t`Audience retention`}
      summary={t`${summary} Choose a point to play the video from there.`}
      actions={<CsvLink href={csv} what={t`this video's retention`} />}
      table={{
        caption: t`Audience retention`,
        columns: [
          { label: t`Time` },
          { label: t`Still watching`, numeric: true },
          { label: t`Viewers`, numeric: true },
          { label: t`Plays per viewer`, numeric: true },
          { label: t`Stops`, numeric: true },
          { label: t`Preview` },
        ],
        rows: data.map((p) => ({
          key: String(p.second),
          cells: [
            p.time,
            `${p.retentionPercent} %`,
            p.viewers,
            p.playsPerViewer,
            p.stops,
            <SeekButton key="seek" second={p.second} onSeek={onSeek} />,
          ],
        })),
      }}
    >
      {/* biome-ignore lint/a11y/noStaticElementInteractions: Enter from the chart's own focusable SVG (recharts' keyboard layer) bubbles here */}
      <div
        onKeyDown={(event) => {
          if (event.key !== "Enter" || active.current === null) return;
          event.preventDefault();
          onSeek(active.current);
        }}
      >
        <ResponsiveContainer width="100%" height={280}>
          <ComposedChart
            data={data}
            title={t`Audience retention: share still watching, plays per viewer and stops`}
            onClick={(state) => {
              const second = secondAt(state.activeLabel);
              if (second !== null) onSeek(second);
            }}
            style={{ cursor: "pointer" }}
          >
            <CartesianGrid vertical={false} />
            <XAxis dataKey="time" minTickGap={24} />
            <YAxis yAxisId="share" domain={[0, 100]} unit=" %" width={48} />
            <YAxis yAxisId="count" orientation="right" allowDecimals width={36} />
            <Tooltip {...TOOLTIP} />
            <Legend />
            <Bar yAxisId="count" dataKey="stops" name={t`Stops`} fill={SERIES.warning} />
            <Line
              yAxisId="share"
              dataKey="retentionPercent"
              name={t`Still watching (%)`}
              stroke={SERIES.primary}
              strokeWidth={2}
              dot={false}
            />
            <Line
              yAxisId="count"
              dataKey="playsPerViewer"
              name={t`Plays per viewer`}
              stroke={SERIES.accent}
              strokeWidth={2}
              strokeDasharray="5 3"
              dot={false}
            />
            <ActivePoint
              onChange={(label) => {
                active.current = secondAt(label);
              }}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </ChartFigure>
  );
}

/** Inside the chart: reports the point recharts' tooltip is on (keyboard or pointer). */
function ActivePoint({ onChange }: { onChange: (label: unknown) => void }) {
  const label = useActiveTooltipLabel();
  useEffect(() => {
    onChange(label);
  }, [label, onChange]);
  return null;
}
