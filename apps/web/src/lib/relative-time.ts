import { t } from "@lingui/core/macro";
import { formatDate } from "./format";
import { intlLocale } from "./i18n";

const formats = new Map<string, Intl.RelativeTimeFormat>();
function relativeFormat(): Intl.RelativeTimeFormat {
  const locale = intlLocale();
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
    formats.set(locale, format);
  }
  return format;
}

const STEPS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["second", 60],
  ["minute", 60],
  ["hour", 24],
  ["day", 7],
];

/**
 * "just now", "5 minutes ago", "yesterday" in the active language; beyond a week, the date on
 * the calendar of `timeZone` (the profile's, else the viewer's own).
 */
export function formatRelative(iso: string, now = Date.now(), timeZone?: string): string {
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return "";
  let value = Math.round((then - now) / 1000);
  if (Math.abs(value) < 45) return t`just now`;
  for (const [unit, size] of STEPS) {
    if (Math.abs(value) < size) return relativeFormat().format(value, unit);
    value = Math.round(value / size);
  }
  return formatDate(then, timeZone);
}
