import { formatIntervals, type Intervals } from "@lumen/db";

/**
 * Coverage is stored in tenths of a second of the video's timeline (int4multirange): fine
 * enough for a 4 Hz timeupdate, and whole numbers Postgres merges exactly (ADR 0007).
 */
export const TENTHS_PER_SECOND = 10;

/** Watched intervals in seconds, as a player reports them: [start, end] pairs. */
export type WatchedSeconds = ReadonlyArray<readonly [number, number]>;

/**
 * A progress event's watched intervals as an int4multirange literal in tenths (rounded to
 * the nearest tenth; empty intervals dropped; Postgres merges overlaps when it reads it).
 */
export function watchedToMultirange(watched: WatchedSeconds): string {
  const tenths: Intervals = [];
  for (const [start, end] of watched) {
    const lower = Math.round(start * TENTHS_PER_SECOND);
    const upper = Math.round(end * TENTHS_PER_SECOND);
    if (upper > lower) tenths.push([lower, upper]);
  }
  return formatIntervals(tenths);
}

/** Stored coverage (tenths) as intervals in seconds, for players and readers. */
export function coverageInSeconds(coverage: Intervals): Array<[number, number]> {
  return coverage.map(([lower, upper]) => [lower / TENTHS_PER_SECOND, upper / TENTHS_PER_SECOND]);
}
