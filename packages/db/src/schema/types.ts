import { customType } from "drizzle-orm/pg-core";

/** Postgres full-text document; written with SQL (to_tsvector), never parsed in JS. */
export const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** Half-open [lower, upper) integer intervals, sorted and disjoint when read back. */
export type Intervals = Array<[number, number]>;

/**
 * Postgres int4multirange as intervals. Postgres normalizes what it is given (sorts, merges
 * overlapping and touching ranges, drops empty ones), so a value always reads back merged.
 */
export const int4multirange = customType<{ data: Intervals; driverData: string }>({
  dataType: () => "int4multirange",
  toDriver: (value) => formatIntervals(value),
  fromDriver: (value) => parseIntervals(value),
});

/** `[[0, 40], [60, 70]]` → `{[0,40),[60,70)}`; bounds must be integers. */
export function formatIntervals(intervals: Intervals): string {
  return `{${intervals.map(([lower, upper]) => `[${lower},${upper})`).join(",")}}`;
}

/** `{[0,40),[60,70)}` (int4 ranges are always written `[…)`) → `[[0, 40], [60, 70]]`. */
export function parseIntervals(text: string): Intervals {
  return [...text.matchAll(/\[(-?\d+),(-?\d+)\)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}
