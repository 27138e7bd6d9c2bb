/**
 * Calendar days in a user's IANA time zone, with Intl only (no date library): what local day
 * an instant falls on, and the instant a local day starts.
 */

const partsFormat = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string) {
  let format = partsFormat.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormat.set(timeZone, format);
  }
  return format;
}

function wallClock(timeZone: string, at: Date) {
  const parts = formatterFor(timeZone).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    y: get("year"),
    m: get("month"),
    d: get("day"),
    h: get("hour"),
    min: get("minute"),
    s: get("second"),
  };
}

/** How far `timeZone`'s wall clock is ahead of UTC at `at`, in ms. */
function offsetMs(timeZone: string, at: Date): number {
  const w = wallClock(timeZone, at);
  const asUtc = Date.UTC(w.y, w.m - 1, w.d, w.h, w.min, w.s);
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** True for a time zone name this runtime knows (e.g. "Europe/Paris", "UTC"). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The local calendar day (YYYY-MM-DD) `at` falls on in `timeZone`. */
export function localDay(timeZone: string, at: Date): string {
  const w = wallClock(timeZone, at);
  return `${w.y}-${String(w.m).padStart(2, "0")}-${String(w.d).padStart(2, "0")}`;
}

/** The day before `day` (YYYY-MM-DD). */
export function previousDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) - 1)).toISOString().slice(0, 10);
}

/** The instant local `day` (YYYY-MM-DD) starts in `timeZone`. */
export function startOfLocalDay(timeZone: string, day: string): Date {
  const [y, m, d] = day.split("-").map(Number);
  const midnightUtc = Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1);
  // Two passes settle the offset across a DST change near midnight.
  let guess = midnightUtc - offsetMs(timeZone, new Date(midnightUtc));
  guess = midnightUtc - offsetMs(timeZone, new Date(guess));
  return new Date(guess);
}

/** The local day that most recently ended at `now`, and the instants it spans [start, end). */
export function lastEndedDay(timeZone: string, now: Date) {
  const today = localDay(timeZone, now);
  const day = previousDay(today);
  return { day, start: startOfLocalDay(timeZone, day), end: startOfLocalDay(timeZone, today) };
}
