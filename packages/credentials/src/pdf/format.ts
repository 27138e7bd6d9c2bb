import type { Locale } from "@lumen/shared";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * The issue date in UTC: "21 November 2026" without Intl in English, so the same input renders
 * the same bytes anywhere; in another language by Intl ("21 de noviembre de 2026"), whose
 * words come from the ICU data of the Node version that renders (pinned with the runtime).
 */
export function formatIssueDate(date: Date, locale: Locale = "en"): string {
  if (locale === "en") {
    return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  }
  return new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(date);
}

/** PDF link targets must be 7-bit ASCII; URL serialisation percent-encodes (and punycodes) the rest. */
export function asciiUrl(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return encodeURI(url);
  }
}
