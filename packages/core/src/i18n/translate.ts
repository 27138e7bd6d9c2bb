import { type I18n, type Messages, setupI18n } from "@lingui/core";
import { DEFAULT_LOCALE, type Locale, matchLocale, negotiateLocale } from "@lumen/shared";
import { messages as ar } from "./locales/ar/messages";
import { messages as en } from "./locales/en/messages";
import { messages as es } from "./locales/es/messages";

/** The compiled catalogs (`pnpm i18n:compile` writes them from the .po files beside them). */
const CATALOGS: Record<Locale, Messages> = { en, es, ar };

export type MessageValues = Record<string, string | number>;
/** A catalog message (see locales/en/messages.po) in one language. */
export type Translate = (id: string, values?: MessageValues) => string;

const instances = new Map<Locale, I18n>();

function instance(locale: Locale): I18n {
  let i18n = instances.get(locale);
  if (!i18n) {
    i18n = setupI18n({
      locale,
      messages: { [locale]: CATALOGS[locale] },
      // A catalog test keeps every language complete against English, so an id missing here
      // is a typo in code; failing loudly makes the test that reaches it say so.
      missing: (_, id) => {
        throw new Error(`no message "${id}" in the server catalog`);
      },
    });
    instances.set(locale, i18n);
  }
  return i18n;
}

export function translator(locale: Locale): Translate {
  const i18n = instance(locale);
  return (id, values) => i18n._(id, values);
}

/**
 * The language for text of a stored `users.locale` (any BCP 47 tag the user chose): its
 * primary language when we speak it (`es-MX` → es), else English.
 */
export function textLocale(stored: string | null | undefined): Locale {
  return (stored ? matchLocale(stored) : null) ?? DEFAULT_LOCALE;
}

/**
 * The language for text to someone whose stored language may be missing (an account email
 * sent before the profile has one, or to an address with no user): the stored tag's language
 * when we speak it, else the request's Accept-Language, else English.
 */
export function preferredLocale(
  stored: string | null | undefined,
  acceptLanguage: string | null | undefined,
): Locale {
  return (stored ? matchLocale(stored) : null) ?? negotiateLocale(acceptLanguage);
}
