/** [start, end] of a video's timeline in seconds: a part of it that was played. */
export type Interval = [number, number];

/** Sorted, with overlapping and touching intervals joined and empty ones dropped. */
export function mergeIntervals(intervals: ReadonlyArray<readonly [number, number]>): Interval[] {
  const sorted = intervals
    .filter(([start, end]) => end > start)
    .map(([start, end]): Interval => [start, end])
    .sort((a, b) => a[0] - b[0]);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged.at(-1);
    if (last && interval[0] <= last[1]) last[1] = Math.max(last[1], interval[1]);
    else merged.push(interval);
  }
  return merged;
}

/** Seconds covered by merged intervals. */
export function coveredSeconds(intervals: ReadonlyArray<readonly [number, number]>): number {
  return mergeIntervals(intervals).reduce((sum, [start, end]) => sum + end - start, 0);
}
