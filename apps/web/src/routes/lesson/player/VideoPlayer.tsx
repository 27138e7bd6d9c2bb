import { useLingui } from "@lingui/react/macro";
import { type KeyboardEvent, useEffect, useRef, useState } from "react";
import { stateStyles } from "../../../components/states";
import { cx } from "../../../components/ui/cx";
import { PlayerControls } from "./PlayerControls";
import s from "./player.module.css";
import { type PlayerAction, playerKeyAction } from "./player-keys";
import { useHlsSource } from "./use-hls-source";
import { useMediaState } from "./use-media-state";
import { usePlayIntent } from "./use-play-intent";
import { usePlaybackReport } from "./use-playback-report";

export interface PlayerSource {
  url: string;
  posterUrl: string | null;
  durationSeconds: number | null;
  resumeAtSeconds: number;
  /** The parts of the video the learner has covered, [start, end) in seconds. */
  watched: ReadonlyArray<readonly [number, number]>;
}

/**
 * A lesson's video with its own controls (the browser's differ everywhere and are hard to
 * label): every control is a labelled button, slider or menu, and the whole player answers
 * the usual keyboard shortcuts while focus is inside it.
 */
export function VideoPlayer({
  source,
  title,
  lessonId,
  renewUrl,
  reportProgress,
  enrollmentId = null,
  onReachedEnd,
  seekTo = null,
}: {
  source: PlayerSource;
  title: string;
  lessonId: string;
  /** A fresh signed URL when the current one expires. */
  renewUrl: () => Promise<string | null>;
  /** Save position and watch time (learners); off for an instructor's preview. */
  reportProgress: boolean;
  /** An enrolled learner's enrollment: progress goes out as progress events. */
  enrollmentId?: string | null;
  /** Watched far enough to complete the lesson, and the server has it. */
  onReachedEnd?: () => void;
  /** A point the page asks for (the dashboard's retention chart); each new object seeks. */
  seekTo?: { seconds: number } | null;
}) {
  const { t } = useLingui();
  const container = useRef<HTMLElement>(null);
  const video = useRef<HTMLVideoElement>(null);
  const intent = usePlayIntent(video);
  const media = useMediaState(video);
  const hls = useHlsSource(video, { url: source.url, startAt: source.resumeAtSeconds }, renewUrl);
  usePlaybackReport(
    video,
    reportProgress ? { lessonId, watched: source.watched, enrollmentId, onReachedEnd } : null,
  );
  const [fullscreen, setFullscreen] = useState(false);
  const [said, say] = useState("");
  const lastCaption = useRef<number | null>(null);
  if (hls.caption >= 0) lastCaption.current = hls.caption;

  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement === container.current);
    document.addEventListener("fullscreenchange", onChange);
    return () => document.removeEventListener("fullscreenchange", onChange);
  }, []);

  useEffect(() => {
    if (seekTo && video.current) video.current.currentTime = Math.max(0, seekTo.seconds);
  }, [seekTo]);

  const duration = media.duration || source.durationSeconds || 0;
  const perform = (action: PlayerAction) => {
    const el = video.current;
    if (!el) return;
    switch (action.type) {
      case "togglePlay":
        if (el.paused || el.ended) intent.play(el);
        else intent.pause(el);
        return;
      case "seekBy":
        el.currentTime = clamp(el.currentTime + action.seconds, 0, duration);
        return;
      case "seekToFraction":
        el.currentTime = clamp(duration * action.fraction, 0, duration);
        return;
      case "volumeBy": {
        el.muted = false;
        el.volume = clamp(Math.round((el.volume + action.delta) * 100) / 100, 0, 1);
        const volume = Math.round(el.volume * 100);
        return say(t`Volume ${volume} %`);
      }
      case "toggleMute":
        el.muted = !el.muted;
        return say(el.muted ? t`Muted` : t`Sound on`);
      case "toggleFullscreen":
        if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
        else void container.current?.requestFullscreen?.().catch(() => {});
        return;
      case "toggleCaptions": {
        if (hls.captions.length === 0) return say(t`No captions for this video`);
        const next = hls.caption >= 0 ? -1 : (lastCaption.current ?? hls.captions[0]?.id ?? -1);
        hls.setCaption(next);
        const track = hls.captions.find((c) => c.id === next);
        const label = track?.label;
        return say(label !== undefined ? t`Captions: ${label}` : t`Captions off`);
      }
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    // The volume slider keeps its own arrows, Home and End; letters still reach the player.
    if (target.tagName === "INPUT" && !/^[a-z0-9 ]$/i.test(event.key)) return;
    // Space and Enter on a focused button press that button.
    if (target.tagName === "BUTTON" && (event.key === " " || event.key === "Enter")) return;
    const action = playerKeyAction(event);
    if (!action) return;
    event.preventDefault();
    perform(action);
  };

  return (
    // The shortcuts apply while focus is on any control inside; clicking the video focuses Play.
    <section
      ref={container}
      className={cx(s.player, fullscreen && s.fullscreen)}
      aria-label={t`Video player: ${title}`}
      onKeyDown={onKeyDown}
    >
      {/* biome-ignore lint/a11y/useMediaCaption: captions are HLS subtitle renditions, chosen in the captions menu */}
      <video
        ref={video}
        className={s.video}
        poster={source.posterUrl ?? undefined}
        preload="metadata"
        playsInline
        tabIndex={-1}
        onClick={() => {
          perform({ type: "togglePlay" });
          container.current
            ?.querySelector<HTMLButtonElement>(".player-bar button")
            ?.focus({ preventScroll: true });
        }}
        onDoubleClick={() => perform({ type: "toggleFullscreen" })}
      />
      {media.waiting && !media.paused && (
        <span className={cx(stateStyles.spinner, s.spinner)} aria-hidden="true" />
      )}
      {hls.failure && (
        <div className={s.failure} role="alert">
          {t(hls.failure)}
        </div>
      )}
      <PlayerControls
        media={media}
        duration={duration}
        hls={hls}
        fullscreen={fullscreen}
        perform={perform}
        onSeek={(seconds) => {
          if (video.current) video.current.currentTime = seconds;
        }}
        onVolume={(volume) => {
          if (!video.current) return;
          video.current.muted = volume === 0;
          video.current.volume = volume;
        }}
        onRate={(rate) => {
          if (video.current) video.current.playbackRate = rate;
        }}
      />
      <p className="visually-hidden" role="status">
        {said}
      </p>
    </section>
  );
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
