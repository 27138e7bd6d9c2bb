import { t } from "@lingui/core/macro";
/**
 * Upload speed smoothed over the last few seconds (an exponentially weighted average), so
 * "time left" follows the connection without jumping with every progress event.
 */
export interface RateMeter {
  /** Record the bytes done so far at a moment (ms). */
  sample(bytes: number, at: number): void;
  /** Bytes per second, or null until there is enough to go on. */
  rate(): number | null;
  /** Forget the history (after a pause: the old speed says nothing about the new one). */
  reset(): void;
}

export function createRateMeter({
  halfLifeMs = 3_000,
  warmUpMs = 1_000,
}: {
  halfLifeMs?: number;
  warmUpMs?: number;
} = {}): RateMeter {
  let last: { bytes: number; at: number } | null = null;
  let firstAt = 0;
  let smoothed: number | null = null;
  return {
    sample(bytes, at) {
      if (!last) {
        last = { bytes, at };
        firstAt = at;
        return;
      }
      const elapsed = at - last.at;
      // Progress events come in bursts; a few ms apart they only add noise.
      if (elapsed < 200) return;
      const instant = ((bytes - last.bytes) * 1000) / elapsed;
      const weight = 1 - 0.5 ** (elapsed / halfLifeMs);
      smoothed = smoothed === null ? instant : smoothed + weight * (instant - smoothed);
      last = { bytes, at };
    },
    rate() {
      if (smoothed === null || !last || last.at - firstAt < warmUpMs) return null;
      return Math.max(0, smoothed);
    },
    reset() {
      last = null;
      smoothed = null;
    },
  };
}

/** Seconds until `remaining` bytes are sent at `rate` bytes/s, or null when unknown. */
export function secondsLeft(remaining: number, rate: number | null): number | null {
  if (rate === null || rate <= 0) return null;
  return Math.max(0, remaining / rate);
}

/** "About 40 s left", "About 3 min left", "About 1 h 5 min left": rounded as people say it. */
export function formatTimeLeft(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return t`Estimating time left…`;
  if (seconds < 5) return t`A few seconds left`;
  if (seconds < 60) {
    const rounded = Math.ceil(seconds / 5) * 5;
    return t`About ${rounded} s left`;
  }
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return t`About ${minutes} min left`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? t`About ${hours} h left` : t`About ${hours} h ${rest} min left`;
}

/** "12.5 MB", "1.2 GB": decimal units, as file managers show sizes. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ["kB", "MB", "GB", "TB"];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value >= 100 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}
