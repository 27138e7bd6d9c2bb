/**
 * Turns ffmpeg's frequent progress callbacks into at most one write per `intervalMs`, never two
 * at once. Progress is cosmetic, so a failed write is dropped rather than failing the encode.
 */
export function throttledProgress(
  write: (percent: number) => Promise<unknown>,
  intervalMs = 1_000,
) {
  let lastWrite = Number.NEGATIVE_INFINITY;
  let inFlight: Promise<void> | null = null;
  return {
    report(fraction: number) {
      const now = Date.now();
      if (inFlight || now - lastWrite < intervalMs) return;
      lastWrite = now;
      const percent = Math.round(Math.min(1, Math.max(0, fraction)) * 1000) / 10;
      inFlight = write(percent).then(
        () => {
          inFlight = null;
        },
        () => {
          inFlight = null;
        },
      );
    },
    /** Waits for the write in flight, so none lands after the rendition is marked ready. */
    async settle() {
      await inFlight;
    },
  };
}
