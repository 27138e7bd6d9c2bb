import { type RefObject, useEffect, useRef } from "react";

/**
 * Play and pause that remember what the learner asked for. hls.js loads lazily and attaches
 * the source after the controls are on screen, and the resume seek reloads data, so a play()
 * issued early is rejected; the request is kept and honoured as soon as the media can play.
 */
export function usePlayIntent(video: RefObject<HTMLVideoElement | null>) {
  const wantsPlay = useRef(false);
  useEffect(() => {
    const el = video.current;
    if (!el) return;
    const onCanPlay = () => {
      if (wantsPlay.current && el.paused) el.play().catch(() => {});
    };
    const onPlaying = () => {
      wantsPlay.current = false;
    };
    el.addEventListener("canplay", onCanPlay);
    el.addEventListener("playing", onPlaying);
    return () => {
      el.removeEventListener("canplay", onCanPlay);
      el.removeEventListener("playing", onPlaying);
    };
  }, [video]);
  return {
    play(el: HTMLVideoElement) {
      wantsPlay.current = true;
      el.play().catch(() => {});
    },
    pause(el: HTMLVideoElement) {
      wantsPlay.current = false;
      el.pause();
    },
  };
}
