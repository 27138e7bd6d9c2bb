import { type RefObject, useEffect, useRef } from "react";
import type { Interval } from "../../../lib/intervals";
import { progressQueue, sendJsonBeacon } from "../../../lib/progress";
import { trpcClient } from "../../../lib/trpc";
import { createWatchCoverage } from "./watch-time";

const SAVE_EVERY_MS = 10_000;
/** tRPC takes a single mutation as a plain JSON POST, which is what a beacon can send. */
const BEACON_URL = "/trpc/video.savePosition";
const DAY = 24 * 60 * 60;
/** The server completes a video lesson at 90 % covered; reaching it is worth a flush. */
const COMPLETE_FRACTION = 0.9;

export interface PlaybackReport {
  lessonId: string;
  /** The parts the server counts as watched when the lesson opened ([start, end) seconds). */
  watched: ReadonlyArray<readonly [number, number]>;
  /**
   * Enrolled learners report through the progress queue (the parts played, position,
   * completion, milestones); without an enrollment (a free preview) only the position is saved.
   */
  enrollmentId?: string | null;
  /** The lesson reached the completion threshold and the server acknowledged it. */
  onReachedEnd?: () => void;
}

/**
 * Tells the API where the learner is and which parts they really played: every 10 s while
 * playing, on pause, after a seek, at 90 % covered and at the end, and with a beacon when the
 * page is hidden or closed (a fetch may be cancelled then; a beacon is not). Nothing is sent
 * before playback starts, so opening and leaving a lesson never resets the saved position to 0.
 */
export function usePlaybackReport(
  videoRef: RefObject<HTMLVideoElement | null>,
  report: PlaybackReport | null,
) {
  const lessonId = report?.lessonId ?? null;
  const enrollmentId = report?.enrollmentId ?? null;
  // The server's coverage when the lesson opened; a renewed playback URL must not reset it.
  const initialWatched = useRef(report?.watched ?? []);
  const onReachedEnd = useRef(report?.onReachedEnd);
  onReachedEnd.current = report?.onReachedEnd;
  useEffect(() => {
    const video = videoRef.current;
    if (!video || lessonId === null) return;
    const watch = createWatchCoverage(initialWatched.current);
    const sink = enrollmentId ? queueSink(enrollmentId) : positionSink();
    let started = false;
    let reachedEnd = false;
    let lastPosition: number | null = null;
    const current = (): Position => ({
      lessonId,
      positionSeconds: round(video.currentTime),
      watched: watch.take().map(([start, end]): Interval => [round(start), round(end)]),
    });
    /** What was played or moved since the last report; null when nothing was. */
    const changed = () => {
      if (!started) return null;
      const next = current();
      if (next.watched.length === 0 && next.positionSeconds === lastPosition) return null;
      lastPosition = next.positionSeconds;
      return next;
    };
    const save = () => {
      const next = changed();
      if (next) sink.save(next);
    };
    const finish = () => {
      const next = changed() ?? current();
      void sink.finish(next).then(
        () => onReachedEnd.current?.(),
        () => {},
      );
    };
    const onTime = () => {
      watch.update(video.currentTime, !video.paused && !video.seeking, performance.now());
      const duration = video.duration;
      if (!reachedEnd && started && duration > 0 && watch.seconds >= duration * COMPLETE_FRACTION) {
        reachedEnd = true;
        finish();
      }
    };
    const onEnded = () => {
      if (reachedEnd) return save();
      reachedEnd = true;
      finish();
    };
    const onSeeking = () => watch.seeking();
    const onPlaying = () => {
      started = true;
    };
    const onHidden = () => {
      if (document.visibilityState === "hidden") sink.beacon(changed());
    };
    const onPageHide = () => sink.beacon(changed());
    const timer = window.setInterval(() => {
      if (!video.paused) save();
    }, SAVE_EVERY_MS);
    const listeners: Array<[EventTarget, string, () => void]> = [
      [video, "timeupdate", onTime],
      [video, "seeking", onSeeking],
      [video, "playing", onPlaying],
      [video, "pause", save],
      [video, "seeked", save],
      [video, "ended", onEnded],
      [window, "pagehide", onPageHide],
      [document, "visibilitychange", onHidden],
    ];
    for (const [target, name, fn] of listeners) target.addEventListener(name, fn);
    return () => {
      window.clearInterval(timer);
      for (const [target, name, fn] of listeners) target.removeEventListener(name, fn);
      // Leaving the lesson inside the app: the page stays, so a normal request finishes.
      save();
    };
  }, [videoRef, lessonId, enrollmentId]);
}

type Position = { lessonId: string; positionSeconds: number; watched: Interval[] };

interface Sink {
  save(position: Position): void;
  /** Sends now; resolves once acknowledged. */
  finish(position: Position): Promise<unknown>;
  beacon(position: Position | null): void;
}

/** Enrolled: progress events, batched by the tab's queue, which also beacons on hide. */
function queueSink(enrollmentId: string): Sink {
  const queue = progressQueue();
  // Each report holds the parts played since the previous one, and every seek is reported
  // (`seeked`), so an event carries an interval or two, far below the server's limit.
  const record = (position: Position, flush = false) =>
    queue.record({ ...position, enrollmentId, completed: false }, { flush });
  return {
    save: (position) => record(position),
    finish: (position) => queue.acknowledged(record(position, true).eventId),
    beacon(position) {
      if (position) record(position);
      // The queue beacons on its own too; its listener may have run before this one.
      queue.flushOnHide();
    },
  };
}

/** Not enrolled (a free preview): the saved position only. */
function positionSink(): Sink {
  const saved = ({ lessonId, positionSeconds }: Position) => ({ lessonId, positionSeconds });
  const send = (position: Position) => trpcClient.video.savePosition.mutate(saved(position));
  return {
    save: (position) => void send(position).catch(() => {}),
    finish: send,
    beacon(position) {
      if (position) sendJsonBeacon(BEACON_URL, saved(position));
    },
  };
}

function round(seconds: number): number {
  return Math.min(DAY, Math.max(0, Math.round(seconds * 10) / 10));
}
