import { t } from "@lingui/core/macro";

/**
 * "1:05", "12:00", "1:02:03": how players show a position. Western digits in every language,
 * as players and clocks print them (Arabic players do too).
 */
export function formatMediaTime(totalSeconds: number): string {
  const seconds = Number.isFinite(totalSeconds) ? Math.max(0, Math.floor(totalSeconds)) : 0;
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/** The seek slider's spoken value: "1:05 of 4:00". */
export function mediaValueText(current: number, duration: number): string {
  const position = formatMediaTime(current);
  const length = formatMediaTime(duration);
  return t`${position} of ${length}`;
}

/** "4 min 5 s", "1 h 2 min": a video's length in words, for the editor. */
export function formatVideoLength(totalSeconds: number): string {
  const seconds = Math.round(totalSeconds);
  if (seconds < 60) return t`${seconds} s`;
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return m > 0 ? t`${h} h ${m} min` : t`${h} h`;
  return s > 0 ? t`${m} min ${s} s` : t`${m} min`;
}
