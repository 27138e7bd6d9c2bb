import { type RefObject, useEffect, useState } from "react";

export interface MediaState {
  paused: boolean;
  ended: boolean;
  waiting: boolean;
  currentTime: number;
  duration: number;
  bufferedEnd: number;
  volume: number;
  muted: boolean;
  rate: number;
  /** Metadata arrived: the duration is known and seeking works. */
  ready: boolean;
}

const EVENTS = [
  "play",
  "pause",
  "playing",
  "waiting",
  "ended",
  "timeupdate",
  "durationchange",
  "loadedmetadata",
  "progress",
  "seeking",
  "seeked",
  "volumechange",
  "ratechange",
] as const;

function read(video: HTMLVideoElement, waiting: boolean): MediaState {
  const { buffered } = video;
  return {
    paused: video.paused,
    ended: video.ended,
    waiting,
    currentTime: video.currentTime,
    duration: Number.isFinite(video.duration) ? video.duration : 0,
    bufferedEnd: buffered.length > 0 ? buffered.end(buffered.length - 1) : 0,
    volume: video.volume,
    muted: video.muted,
    rate: video.playbackRate,
    ready: video.readyState >= HTMLMediaElement.HAVE_METADATA,
  };
}

/** The <video> element's state as React state, refreshed on its media events. */
export function useMediaState(videoRef: RefObject<HTMLVideoElement | null>): MediaState {
  const [state, setState] = useState<MediaState>({
    paused: true,
    ended: false,
    waiting: false,
    currentTime: 0,
    duration: 0,
    bufferedEnd: 0,
    volume: 1,
    muted: false,
    rate: 1,
    ready: false,
  });
  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    let waiting = false;
    const update = (event?: Event) => {
      if (event?.type === "waiting") waiting = true;
      if (event?.type === "playing" || event?.type === "pause" || event?.type === "seeked") {
        waiting = false;
      }
      setState(read(video, waiting));
    };
    for (const name of EVENTS) video.addEventListener(name, update);
    update();
    return () => {
      for (const name of EVENTS) video.removeEventListener(name, update);
    };
  }, [videoRef]);
  return state;
}
