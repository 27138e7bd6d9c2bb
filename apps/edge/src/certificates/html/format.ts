import { escapeHtml, type Locale } from "@lumen/shared";

/** Dates in the visitor's language, always in UTC (the page is the same for everyone there). */
const dateOptions: Intl.DateTimeFormatOptions = { dateStyle: "long", timeZone: "UTC" };
const moment: Intl.DateTimeFormatOptions = {
  year: "numeric",
  month: "long",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
};

/** A `<time>` element (safe HTML) for an ISO date; an unparsable value is shown as text. */
export function timeElement(iso: string, locale: Locale, withTime = false): string {
  const value = new Date(iso);
  if (Number.isNaN(value.getTime())) return escapeHtml(iso);
  const text = new Intl.DateTimeFormat(locale, withTime ? moment : dateOptions).format(value);
  return `<time datetime="${value.toISOString()}">${escapeHtml(text)}</time>`;
}

export const code = (text: string) => `<code>${escapeHtml(text)}</code>`;
