import { useLingui } from "@lingui/react/macro";
import { type KeyboardEvent, type PointerEvent, useRef, useState } from "react";
import { mediaValueText } from "../../../lib/media-time";
import s from "./player.module.css";

/**
 * The timeline as an ARIA slider: its value is read as "1:05 of 4:00". Arrow keys and
 * Home/End reach it through the player's shortcuts (the same steps); Page Up/Down jump 10 %.
 * Dragging previews the position and seeks once, on release.
 */
export function SeekBar({
  currentTime,
  duration,
  bufferedEnd,
  onSeek,
}: {
  currentTime: number;
  duration: number;
  bufferedEnd: number;
  onSeek: (seconds: number) => void;
}) {
  const { t } = useLingui();
  const track = useRef<HTMLDivElement>(null);
  const [dragging, setDragging] = useState<number | null>(null);
  const shown = dragging ?? currentTime;
  const fraction = duration > 0 ? Math.min(1, shown / duration) : 0;
  const buffered = duration > 0 ? Math.min(1, bufferedEnd / duration) : 0;
  const at = (event: PointerEvent) => {
    const rect = track.current?.getBoundingClientRect();
    if (!rect || rect.width === 0) return 0;
    return Math.min(1, Math.max(0, (event.clientX - rect.left) / rect.width)) * duration;
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "PageUp" && event.key !== "PageDown") return;
    event.preventDefault();
    event.stopPropagation();
    const step = duration / 10;
    onSeek(Math.min(duration, Math.max(0, currentTime + (event.key === "PageUp" ? step : -step))));
  };
  return (
    <div
      ref={track}
      className={s.seek}
      role="slider"
      tabIndex={0}
      aria-label={t`Seek`}
      aria-valuemin={0}
      aria-valuemax={Math.round(duration)}
      aria-valuenow={Math.round(shown)}
      aria-valuetext={mediaValueText(shown, duration)}
      onKeyDown={onKeyDown}
      onPointerDown={(event) => {
        if (duration <= 0) return;
        event.currentTarget.setPointerCapture(event.pointerId);
        setDragging(at(event));
      }}
      onPointerMove={(event) => dragging !== null && setDragging(at(event))}
      onPointerUp={(event) => {
        if (dragging === null) return;
        onSeek(at(event));
        setDragging(null);
      }}
      onPointerCancel={() => setDragging(null)}
    >
      <div className={s.buffered} style={{ width: `${buffered * 100}%` }} />
      <div className={s.played} style={{ width: `${fraction * 100}%` }} />
      <div className={s.thumb} style={{ left: `${fraction * 100}%` }} />
    </div>
  );
}
