import type { MessageDescriptor } from "@lingui/core";
import { msg } from "@lingui/core/macro";
import type Hls from "hls.js";
import { type RefObject, useEffect, useRef, useState } from "react";

export interface QualityOption {
  index: number;
  height: number;
}
export interface CaptionOption {
  id: number;
  label: string;
  language: string;
}

export interface HlsSource {
  /** hls.js levels, highest first; empty when the browser plays HLS itself. */
  levels: QualityOption[];
  /** The chosen level, -1 for automatic. */
  level: number;
  /** What automatic chose, for "Auto (720p)". */
  playingHeight: number | null;
  setLevel(index: number): void;
  captions: CaptionOption[];
  /** The showing caption track, -1 for off. */
  caption: number;
  setCaption(id: number): void;
  /** Why the video cannot play, translated where it is shown. */
  failure: MessageDescriptor | null;
}

const UNSUPPORTED = msg`This browser can't play this video. Try a current version of your browser.`;
const BROKEN = msg`The video stopped loading. Reload the page to try again.`;
const EXPIRED = msg`The video link expired. Reload the page to keep watching.`;

/**
 * Plays an HLS master playlist in a <video>: through hls.js (loaded on first use) where Media
 * Source Extensions exist, else natively (Safari on iOS). Starts at `startAt`; when the signed
 * URL expires mid-lesson (a 403), asks for a fresh one and reloads it at the same second.
 */
export function useHlsSource(
  videoRef: RefObject<HTMLVideoElement | null>,
  source: { url: string; startAt: number },
  renewUrl: () => Promise<string | null>,
): HlsSource {
  const [levels, setLevels] = useState<QualityOption[]>([]);
  const [level, setLevelState] = useState(-1);
  const [playingHeight, setPlayingHeight] = useState<number | null>(null);
  const [captions, setCaptions] = useState<CaptionOption[]>([]);
  const [caption, setCaptionState] = useState(-1);
  const [failure, setFailure] = useState<MessageDescriptor | null>(null);
  const hlsRef = useRef<Hls | null>(null);
  const renewRef = useRef(renewUrl);
  renewRef.current = renewUrl;
  // The first URL and start only: a renewed URL is loaded in place, not by re-running this.
  const initial = useRef(source);

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    const { url, startAt } = initial.current;
    let disposed = false;
    let hls: Hls | null = null;
    const nativeTracks = () => {
      const list = [...video.textTracks].filter(
        (t) => t.kind === "subtitles" || t.kind === "captions",
      );
      setCaptions(
        list.map((t, id) => ({ id, label: t.label || t.language, language: t.language })),
      );
    };
    // Native HLS reports an expired token only as a network error: renew once, then give up.
    let nativeRenewedAt = 0;
    const onNativeError = () => {
      const networkError = video.error?.code === MediaError.MEDIA_ERR_NETWORK;
      if (!networkError || Date.now() - nativeRenewedAt < 15_000) return setFailure(BROKEN);
      nativeRenewedAt = Date.now();
      const at = video.currentTime;
      void renewRef.current().then((fresh) => {
        if (disposed) return;
        if (fresh) playNatively(video, fresh, at);
        else setFailure(EXPIRED);
      });
    };
    const start = async () => {
      const { default: HlsClass } = await import("hls.js");
      if (disposed) return;
      if (!HlsClass.isSupported()) {
        if (!video.canPlayType("application/vnd.apple.mpegurl")) return setFailure(UNSUPPORTED);
        playNatively(video, url, startAt);
        video.addEventListener("error", onNativeError);
        video.textTracks.addEventListener("addtrack", nativeTracks);
        return;
      }
      // 0, not hls.js's -1: a video still encoding has an EVENT playlist, and -1 would start
      // it at the live edge instead of the beginning (ADR 0030).
      hls = new HlsClass({ startPosition: Math.max(startAt, 0) });
      hlsRef.current = hls;
      attachHandlers(hls, HlsClass, video, {
        setLevels,
        setPlayingHeight,
        setCaptions,
        setCaptionState,
        setFailure,
        renew: () => renewRef.current(),
        isDisposed: () => disposed,
      });
      hls.loadSource(url);
      hls.attachMedia(video);
    };
    void start().catch(() => setFailure(UNSUPPORTED));
    return () => {
      disposed = true;
      video.removeEventListener("error", onNativeError);
      video.textTracks.removeEventListener("addtrack", nativeTracks);
      hls?.destroy();
      hlsRef.current = null;
    };
  }, [videoRef]);

  return {
    levels,
    level,
    playingHeight,
    setLevel(index) {
      if (hlsRef.current) hlsRef.current.currentLevel = index;
      setLevelState(index);
    },
    captions,
    caption,
    setCaption(id) {
      const hls = hlsRef.current;
      if (hls) {
        hls.subtitleDisplay = id >= 0;
        hls.subtitleTrack = id;
      } else {
        const tracks = [...(videoRef.current?.textTracks ?? [])].filter(
          (t) => t.kind === "subtitles" || t.kind === "captions",
        );
        tracks.forEach((t, i) => {
          t.mode = i === id ? "showing" : "disabled";
        });
      }
      setCaptionState(id);
    },
    failure,
  };
}

function playNatively(video: HTMLVideoElement, url: string, at: number) {
  video.src = url;
  video.addEventListener("loadedmetadata", () => (video.currentTime = at), { once: true });
}

interface Sinks {
  setLevels: (levels: QualityOption[]) => void;
  setPlayingHeight: (height: number | null) => void;
  setCaptions: (captions: CaptionOption[]) => void;
  setCaptionState: (id: number) => void;
  setFailure: (message: MessageDescriptor) => void;
  renew: () => Promise<string | null>;
  isDisposed: () => boolean;
}

function attachHandlers(hls: Hls, HlsClass: typeof Hls, video: HTMLVideoElement, sink: Sinks) {
  const { Events, ErrorTypes } = HlsClass;
  let lastRenewAt = 0;
  let networkRetries = 0;
  let mediaRecoveries = 0;
  hls.on(Events.MANIFEST_PARSED, (_event, data) => {
    sink.setLevels(
      data.levels
        .map((l, index) => ({ index, height: l.height }))
        .sort((a, b) => b.height - a.height),
    );
  });
  hls.on(Events.LEVEL_SWITCHED, (_event, data) => {
    sink.setPlayingHeight(hls.levels[data.level]?.height ?? null);
  });
  hls.on(Events.SUBTITLE_TRACKS_UPDATED, (_event, data) => {
    sink.setCaptions(
      data.subtitleTracks.map((t) => ({ id: t.id, label: t.name, language: t.lang ?? "" })),
    );
  });
  hls.on(Events.SUBTITLE_TRACK_SWITCH, (_event, data) => sink.setCaptionState(data.id));
  hls.on(Events.FRAG_LOADED, () => {
    networkRetries = 0;
  });
  hls.on(Events.ERROR, (_event, data) => {
    if (!data.fatal) return;
    if (data.type === ErrorTypes.NETWORK_ERROR && data.response?.code === 403) {
      // A second refusal right after renewing is not expiry: stop rather than loop.
      if (Date.now() - lastRenewAt < 15_000) return sink.setFailure(EXPIRED);
      lastRenewAt = Date.now();
      const at = video.currentTime;
      const wasPlaying = !video.paused;
      void sink.renew().then((fresh) => {
        if (sink.isDisposed()) return;
        if (!fresh) return sink.setFailure(EXPIRED);
        hls.config.startPosition = at;
        hls.once(Events.MANIFEST_PARSED, () => {
          if (wasPlaying) video.play().catch(() => {});
        });
        hls.loadSource(fresh);
      });
      return;
    }
    if (data.type === ErrorTypes.NETWORK_ERROR && networkRetries++ < 3) return hls.startLoad();
    if (data.type === ErrorTypes.MEDIA_ERROR && mediaRecoveries++ < 2) {
      return hls.recoverMediaError();
    }
    sink.setFailure(BROKEN);
  });
}
