import { MAX_PLAYBACK_RATE } from "@lumen/shared/constants";
import { coveredSeconds, type Interval, mergeIntervals } from "../../../lib/intervals";

/**
 * Which parts of the video were actually played, for the progress feature: the small forward
 * steps between `timeupdate` events while playing, as intervals. A seek (either way) is not
 * watching, so it only moves the baseline, and so does any step longer than the wall-clock
 * time since the previous one allows at the player's top speed (a stall, an unannounced
 * jump). Replaying a part covers nothing new. The server applies the same bound (ADR 0007).
 */
export interface WatchCoverage {
  /** A `timeupdate`: the position, whether the video is playing, and the time (ms). */
  update(position: number, playing: boolean, nowMs: number): void;
  /** A seek started: the next position is a new baseline. */
  seeking(): void;
  /** The intervals played since the previous call (merged), to report; forgets them. */
  take(): Interval[];
  /** Seconds covered in all: what the server had when the lesson opened, plus what was played. */
  readonly seconds: number;
}

/** timeupdate fires every ~250 ms, not exactly: a step may run this much past the bound. */
const STEP_TOLERANCE_SECONDS = 0.25;

export function createWatchCoverage(
  initial: ReadonlyArray<readonly [number, number]> = [],
): WatchCoverage {
  let covered = mergeIntervals(initial);
  let seconds = coveredSeconds(covered);
  let unreported: Interval[] = [];
  let last: { position: number; at: number } | null = null;
  return {
    update(position, playing, nowMs) {
      if (playing && last !== null) {
        const step = position - last.position;
        const wallSeconds = Math.max(0, nowMs - last.at) / 1000;
        if (step > 0 && step <= wallSeconds * MAX_PLAYBACK_RATE + STEP_TOLERANCE_SECONDS) {
          const played: Interval = [last.position, position];
          unreported = mergeIntervals([...unreported, played]);
          covered = mergeIntervals([...covered, played]);
          seconds = coveredSeconds(covered);
        }
      }
      last = { position, at: nowMs };
    },
    seeking() {
      last = null;
    },
    take() {
      const taken = unreported;
      unreported = [];
      return taken;
    },
    get seconds() {
      return seconds;
    },
  };
}
