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

/** "21 November 2026", in UTC and without Intl, so the same input renders the same bytes anywhere. */
export function formatIssueDate(date: Date): string {
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** PDF link targets must be 7-bit ASCII; URL serialisation percent-encodes (and punycodes) the rest. */
export function asciiUrl(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return encodeURI(url);
  }
}
