/**
 * Seconds of the video actually played, for the progress feature: the sum of small forward
 * steps between `timeupdate` events while playing. A seek (either way) is not watching, so
 * it only moves the baseline; so does any jump larger than a few seconds (a stalled tab).
 */
export interface WatchTime {
  /** A `timeupdate`: the current position, and whether the video is playing. */
  update(position: number, playing: boolean): void;
  /** A seek started: the next position is a new baseline. */
  seeking(): void;
  readonly seconds: number;
}

/** Longest step counted: timeupdate fires ~4×/s, so even 2× speed steps well under this. */
const MAX_STEP_SECONDS = 3;

export function createWatchTime(initialSeconds = 0): WatchTime {
  let seconds = initialSeconds;
  let last: number | null = null;
  return {
    update(position, playing) {
      if (playing && last !== null) {
        const step = position - last;
        if (step > 0 && step <= MAX_STEP_SECONDS) seconds += step;
      }
      last = position;
    },
    seeking() {
      last = null;
    },
    get seconds() {
      return seconds;
    },
  };
}
