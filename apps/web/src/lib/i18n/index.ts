import { i18n } from "@lingui/core";
import { isLocale, textDirection } from "@lumen/shared/locales";
import { loadActiveCatalogs } from "./catalogs";
import { resolveLocale, type UiLocale } from "./choice";

export type { UiLocale };

const STORAGE_KEY = "lumen.locale";

export function isUiLocale(value: unknown): value is UiLocale {
  return value === "pseudo" || isLocale(value);
}

/**
 * The language of the first paint: this device's stored choice, else the browser's best match,
 * else English. A signed-in user's profile language, known once the session loads, then wins
 * (`useProfileLocale`); the stored choice is usually that already.
 */
export function initialLocale(): UiLocale {
  const browser = typeof navigator === "undefined" ? [] : navigator.languages;
  return resolveLocale({ stored: readStored(), browser });
}

/**
 * Loads a language's catalogs (`app` and every page's asked for so far, catalogs.ts; English
 * too: in production the macros keep only message ids, so the source text lives in the English
 * catalogs), switches every translated string to it, and remembers it.
 */
export async function activateLocale(locale: UiLocale): Promise<void> {
  await loadActiveCatalogs(locale);
  i18n.activate(locale);
  const html = document.documentElement;
  html.lang = locale === "pseudo" ? "en" : locale;
  html.dir = locale === "pseudo" ? "ltr" : textDirection(locale);
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Storage refused (private mode, quota): the choice lasts for this page only.
  }
}

/** The language shown now (before the first activation: English). */
export function activeLocale(): UiLocale {
  return isUiLocale(i18n.locale) ? i18n.locale : "en";
}

/** The BCP 47 tag for Intl formatting in the active language (pseudo formats as English). */
export function intlLocale(): string {
  return i18n.locale === "pseudo" || !i18n.locale ? "en" : i18n.locale;
}

function readStored(): UiLocale | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isUiLocale(value) ? value : null;
  } catch {
    return null;
  }
}

export { i18n };
