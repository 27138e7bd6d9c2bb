import { plural as icuPlural, t } from "@lingui/core/macro";
import { intlLocale } from "./i18n";

/**
 * Numbers, dates and names in the active language (Intl with `intlLocale()`), dates on the
 * profile's time zone. Called during render, so a language switch re-renders them.
 */

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.DisplayNames>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.DisplayNames>(
  key: string,
  make: () => T,
): T {
  const hit = cache.get(key);
  if (hit) return hit as T;
  const made = make();
  cache.set(key, made);
  return made;
}

/** The signed-in user's time zone (their profile's), else undefined: the device's own. */
let displayTimeZone: string | undefined;

/** Set when the session loads or the profile changes; dates then use that calendar. */
export function setDisplayTimeZone(zone: string | null | undefined): void {
  displayTimeZone = zone ?? undefined;
}

export function profileTimeZone(): string | undefined {
  return displayTimeZone;
}

export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  const locale = intlLocale();
  const key = `n|${locale}|${JSON.stringify(options ?? {})}`;
  return cached(key, () => new Intl.NumberFormat(locale, options)).format(value);
}

export function formatCount(value: number): string {
  return formatNumber(value, { notation: "compact", maximumFractionDigits: 1 });
}

/** "1 learner", "12 learners", "3.4K learners" (the compact count inside the plural). */
export function formatLearners(count: number): string {
  const n = formatCount(count);
  return t`${icuPlural(count, { one: `${n} learner`, other: `${n} learners` })}`;
}

/**
 * "Mar 4, 2026", on the calendar of `timeZone` (an IANA name); by default the profile's, else
 * the device's. Dates arrive as ISO strings (the API has no transformer).
 */
export function formatDate(iso: string | number, timeZone = displayTimeZone): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const locale = intlLocale();
  const format = cached(
    `d|${locale}|${timeZone}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone }),
  );
  return format.format(date);
}

/** "Mar 4, 2026, 10:00 AM": a moment with its time, on the same calendar as formatDate. */
export function formatDateTime(iso: string | number, timeZone = displayTimeZone): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const locale = intlLocale();
  const format = cached(
    `dt|${locale}|${timeZone}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }),
  );
  return format.format(date);
}

export function formatDuration(totalSeconds: number): string {
  const total = Math.round(totalSeconds / 60);
  const minutes = formatNumber(total);
  if (total < 60) return t`${minutes} min`;
  const hours = formatNumber(Math.floor(total / 60));
  const rest = formatNumber(total % 60);
  return total % 60 === 0 ? t`${hours} h` : t`${hours} h ${rest} min`;
}

/** A language's name in the active language ("French", "francés", "الفرنسية"). */
export function languageName(code: string): string {
  try {
    const locale = intlLocale();
    const names = cached(
      `l|${locale}`,
      () => new Intl.DisplayNames([locale], { type: "language" }),
    );
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase(intlLocale()) + text.slice(1);
}

/**
 * @deprecated English-only ("1 course", "3 courses"): use an ICU plural (`<Plural>` or
 * `plural` from `@lingui/core/macro`). Kept while route folders move to the catalog; the
 * number is already formatted in the active language.
 */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatNumber(count)} ${count === 1 ? one : many}`;
}
