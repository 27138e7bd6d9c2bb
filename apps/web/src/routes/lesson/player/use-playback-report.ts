import { type RefObject, useEffect, useRef } from "react";
import { trpcClient } from "../../../lib/trpc";
import { createWatchTime } from "../../../lib/watch-time";

const SAVE_EVERY_MS = 10_000;
/** tRPC takes a single mutation as a plain JSON POST, which is what a beacon can send. */
const BEACON_URL = "/trpc/video.savePosition";
const DAY = 24 * 60 * 60;

/**
 * Tells the API where the learner is and how much they really watched: every 10 s while
 * playing, on pause, after a seek and at the end, and with a beacon when the page is hidden
 * or closed (a fetch may be cancelled then; a beacon is not). Nothing is saved before
 * playback starts, so opening and leaving a lesson never resets the saved position to 0.
 */
export function usePlaybackReport(
  videoRef: RefObject<HTMLVideoElement | null>,
  report: { lessonId: string; watchedSeconds: number } | null,
) {
  const lessonId = report?.lessonId ?? null;
  // The server's count when the lesson opened; a renewed playback URL must not reset it.
  const initialWatched = useRef(report?.watchedSeconds ?? 0);
  useEffect(() => {
    const video = videoRef.current;
    if (!video || lessonId === null) return;
    const watch = createWatchTime(initialWatched.current);
    let started = false;
    let lastSent = "";
    const input = () => ({
      lessonId,
      positionSeconds: round(video.currentTime),
      watchedSeconds: round(watch.seconds),
    });
    const changed = () => {
      const next = input();
      const key = `${next.positionSeconds}:${next.watchedSeconds}`;
      if (!started || key === lastSent) return null;
      lastSent = key;
      return next;
    };
    const save = () => {
      const next = changed();
      if (next) trpcClient.video.savePosition.mutate(next).catch(() => {});
    };
    const beacon = () => {
      const next = changed();
      if (!next) return;
      const json = JSON.stringify(next);
      const body = new Blob([json], { type: "application/json" });
      let queued = false;
      try {
        queued = navigator.sendBeacon?.(BEACON_URL, body) ?? false;
      } catch {
        // Some browsers refuse a JSON beacon; a keepalive fetch also outlives the page.
      }
      if (!queued) {
        void fetch(BEACON_URL, {
          method: "POST",
          body: json,
          keepalive: true,
          credentials: "same-origin",
          headers: { "content-type": "application/json" },
        }).catch(() => {});
      }
    };
    const onTime = () => watch.update(video.currentTime, !video.paused && !video.seeking);
    const onSeeking = () => watch.seeking();
    const onPlaying = () => {
      started = true;
    };
    const onHidden = () => {
      if (document.visibilityState === "hidden") beacon();
    };
    const timer = window.setInterval(() => {
      if (!video.paused) save();
    }, SAVE_EVERY_MS);
    const listeners: Array<[EventTarget, string, () => void]> = [
      [video, "timeupdate", onTime],
      [video, "seeking", onSeeking],
      [video, "playing", onPlaying],
      [video, "pause", save],
      [video, "seeked", save],
      [video, "ended", save],
      [window, "pagehide", beacon],
      [document, "visibilitychange", onHidden],
    ];
    for (const [target, name, fn] of listeners) target.addEventListener(name, fn);
    return () => {
      window.clearInterval(timer);
      for (const [target, name, fn] of listeners) target.removeEventListener(name, fn);
      // Leaving the lesson inside the app: the page stays, so a normal request finishes.
      save();
    };
  }, [videoRef, lessonId]);
}

function round(seconds: number): number {
  return Math.min(DAY, Math.max(0, Math.round(seconds * 10) / 10));
}
