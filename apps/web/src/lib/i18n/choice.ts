import { isLocale, type Locale, matchLocale, negotiateLocale } from "@lumen/shared/locales";

/** What the SPA can be shown in: the three languages, and pseudo-localisation for tests. */
export type UiLocale = Locale | "pseudo";

/**
 * The language to show, in order (ADR 0028): the signed-in user's profile language, this
 * device's stored choice, the browser's languages, English. A profile tag from an older
 * sign-up (`es-MX`) counts by its primary language; one we do not speak is skipped.
 */
export function resolveLocale({
  profile,
  stored,
  browser,
}: {
  profile?: string | null;
  stored?: UiLocale | null;
  browser?: readonly string[];
}): UiLocale {
  // Pseudo-localisation is a tester's device setting, never a profile's: it stays on.
  if (stored === "pseudo") return stored;
  const fromProfile = profile ? matchLocale(profile) : null;
  if (fromProfile) return fromProfile;
  if (stored) return stored;
  return negotiateLocale(browser ?? []);
}

/** What to save on the profile for a UI language (pseudo-localisation is never saved). */
export function profileLocaleFor(locale: UiLocale): Locale | null {
  return isLocale(locale) ? locale : null;
}
