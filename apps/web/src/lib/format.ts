const numberFormat = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });
const languageNames = new Intl.DisplayNames(["en"], { type: "language" });

export function formatCount(value: number): string {
  return numberFormat.format(value);
}

/** "1 learner", "12 learners", "3.4K learners". */
export function formatLearners(count: number): string {
  return `${formatCount(count)} ${count === 1 ? "learner" : "learners"}`;
}

const dateFormats = new Map<string | undefined, Intl.DateTimeFormat>();

/**
 * "Mar 4, 2026", on the calendar of `timeZone` (an IANA name); by default the viewer's own.
 * Dates arrive as ISO strings (the API has no transformer).
 */
export function formatDate(iso: string | number, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone });
    dateFormats.set(timeZone, format);
  }
  return format.format(date);
}

export function formatDuration(totalSeconds: number): string {
  const minutes = Math.round(totalSeconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

export function languageName(code: string): string {
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString("en")} ${count === 1 ? one : many}`;
}
