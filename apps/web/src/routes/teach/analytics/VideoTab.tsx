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
import { linkButtonClass } from "../../../components/ui/Button";
import { trpc } from "../../../lib/trpc";
import s from "./analytics.module.css";
import {
  csvHref,
  formatNumber,
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
  DataTable,
  NoActivity,
  SERIES,
  TabError,
  TabSkeleton,
  TOOLTIP,
} from "./parts";

// The editor's preview (the lesson player without progress reports), only once a video is picked.
const PreviewPlayer = lazy(() => import("../editor/video/PreviewPlayer"));

/** Per video lesson: who watched how much, where they stopped and what they watched again. */
export function VideoTab({ courseId }: { courseId: string }) {
  const videos = useQuery(trpc.analytics.videos.queryOptions({ courseId }));
  const [picked, setPicked] = useState<string | null>(null);
  const list = videos.data?.videos ?? [];
  const lessonId = picked ?? list.find((v) => v.viewers > 0)?.lessonId ?? list[0]?.lessonId ?? null;
  return (
    <div className={s.tab}>
      {videos.isPending ? (
        <TabSkeleton label="Loading the videos…" />
      ) : videos.isError ? (
        <TabError what="the videos" onRetry={() => videos.refetch()} />
      ) : list.length === 0 ? (
        <>
          <AsOf asOf={videos.data.asOf} />
          <NoActivity title="No video lessons" />
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
  return (
    <section aria-labelledby="video-picker-heading" className={s.tab}>
      <div className={s.figureHead}>
        <h2 id="video-picker-heading">Video lessons</h2>
        <CsvLink href={csvHref(courseId, "videos")} what="the video lessons" />
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
              <strong>{video.title}</strong>
              <span className={s.pickMeta}>
                {formatNumber(video.viewers)} {video.viewers === 1 ? "viewer" : "viewers"} ·{" "}
                {formatShare(video.averageWatchedShare)} watched on average
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function VideoDetail({ courseId, lessonId }: { courseId: string; lessonId: string }) {
  const video = useQuery(trpc.analytics.video.queryOptions({ courseId, lessonId }));
  const [seekTo, setSeekTo] = useState<{ seconds: number } | null>(null);
  const playerRef = useRef<HTMLDivElement>(null);
  const seek = (seconds: number) => {
    setSeekTo({ seconds });
    playerRef.current?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  };
  if (video.isPending) return <TabSkeleton label="Loading the video's engagement…" />;
  if (video.isError)
    return <TabError what="this video's engagement" onRetry={() => video.refetch()} />;
  const data = video.data;
  return (
    <section aria-labelledby="video-detail-heading" className={s.tab}>
      <h2 id="video-detail-heading">{data.title}</h2>
      <AsOf asOf={data.asOf} />
      {data.viewers === 0 ? (
        <NoActivity title="Nobody has watched this video yet" />
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
  // The point the keyboard layer (arrow keys) or the pointer is on; Enter seeks to it.
  const active = useRef<number | null>(null);
  const data = video.points.map((p) => ({
    ...p,
    time: formatSecond(p.second),
    retentionPercent: Math.round(p.retention * 100),
    playsPerViewer: p.viewers > 0 ? Math.round((p.plays / p.viewers) * 100) / 100 : 0,
  }));
  const secondAt = (label: unknown) => data.find((p) => p.time === label)?.second ?? null;
  return (
    <ChartFigure
      title="Audience retention"
      summary={`${retentionSummary(video)} Choose a point to play the video from there.`}
      actions={<CsvLink href={csv} what="this video's retention" />}
      table={{
        caption: "Audience retention",
        columns: [
          { label: "Time" },
          { label: "Still watching", numeric: true },
          { label: "Viewers", numeric: true },
          { label: "Plays per viewer", numeric: true },
          { label: "Stops", numeric: true },
          { label: "Preview" },
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
            title="Audience retention: share still watching, plays per viewer and stops"
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
            <Bar yAxisId="count" dataKey="stops" name="Stops" fill={SERIES.warning} />
            <Line
              yAxisId="share"
              dataKey="retentionPercent"
              name="Still watching (%)"
              stroke={SERIES.primary}
              strokeWidth={2}
              dot={false}
            />
            <Line
              yAxisId="count"
              dataKey="playsPerViewer"
              name="Plays per viewer"
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

function SeekButton({ second, onSeek }: { second: number; onSeek: (second: number) => void }) {
  return (
    <button type="button" className={linkButtonClass} onClick={() => onSeek(second)}>
      Play from {formatSecond(second)}
    </button>
  );
}

function SegmentLists({ video, onSeek }: { video: VideoEngagement; onSeek: (s: number) => void }) {
  return (
    <>
      <section aria-labelledby="rewatched-heading">
        <h3 id="rewatched-heading">Watched again</h3>
        {video.rewatchedSegments.length === 0 ? (
          <p className={s.summary}>No stretch is watched noticeably more than once.</p>
        ) : (
          <DataTable
            hiddenCaption
            table={{
              caption: "Stretches watched again",
              columns: [
                { label: "Stretch" },
                { label: "Plays per viewer", numeric: true },
                { label: "Preview" },
              ],
              rows: video.rewatchedSegments.map((seg) => ({
                key: `${seg.fromSecond}`,
                cells: [
                  `${formatSecond(seg.fromSecond)}–${formatSecond(seg.toSecond)}`,
                  formatNumber(seg.playsPerViewer, 2),
                  <SeekButton key="seek" second={seg.fromSecond} onSeek={onSeek} />,
                ],
              })),
            }}
          />
        )}
      </section>
      <section aria-labelledby="stops-heading">
        <h3 id="stops-heading">Where viewers stop</h3>
        {video.stopPoints.length === 0 ? (
          <p className={s.summary}>No unfinished viewer stopped anywhere in particular.</p>
        ) : (
          <DataTable
            hiddenCaption
            table={{
              caption: "Where unfinished viewers stopped",
              columns: [
                { label: "Time" },
                { label: "Viewers who stopped", numeric: true },
                { label: "Preview" },
              ],
              rows: video.stopPoints.map((stop) => ({
                key: `${stop.second}`,
                cells: [
                  formatSecond(stop.second),
                  stop.stops,
                  <SeekButton key="seek" second={stop.second} onSeek={onSeek} />,
                ],
              })),
            }}
          />
        )}
      </section>
    </>
  );
}
