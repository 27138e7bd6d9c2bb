import { formatDate } from "./format";

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

const STEPS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["second", 60],
  ["minute", 60],
  ["hour", 24],
  ["day", 7],
];

/**
 * "just now", "5 minutes ago", "yesterday"; beyond a week, the date on the calendar of
 * `timeZone` (the viewer's own by default).
 */
export function formatRelative(iso: string, now = Date.now(), timeZone?: string): string {
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return "";
  let value = Math.round((then - now) / 1000);
  if (Math.abs(value) < 45) return "just now";
  for (const [unit, size] of STEPS) {
    if (Math.abs(value) < size) return relative.format(value, unit);
    value = Math.round(value / size);
  }
  return formatDate(then, timeZone);
}
