/**
 * Turns ffmpeg's `-progress pipe:1` lines (`out_time_us=…`) into a monotonic fraction of the
 * source duration, capped below 1 until the caller calls `finish()` after the outputs check out.
 */
export function progressTracker(durationSeconds: number, onProgress?: (fraction: number) => void) {
  let lastFraction = 0;
  let encodedSeconds = 0;
  const report = (fraction: number) => {
    if (fraction <= lastFraction) return;
    lastFraction = fraction;
    onProgress?.(fraction);
  };
  return {
    line(line: string): void {
      const match = /^out_time_us=(\d+)$/.exec(line);
      if (!match) return;
      encodedSeconds = Math.max(encodedSeconds, Number(match[1]) / 1_000_000);
      if (durationSeconds > 0) report(Math.min(0.99, encodedSeconds / durationSeconds));
    },
    encodedSeconds: () => encodedSeconds,
    finish: () => report(1),
  };
}
