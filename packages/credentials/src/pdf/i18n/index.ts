import { type I18n, type Messages, setupI18n } from "@lingui/core";
import type { Locale } from "@lumen/shared";
import { messages as ar } from "./locales/ar/messages";
import { messages as en } from "./locales/en/messages";
import { messages as es } from "./locales/es/messages";

/** The certificate's words (ADR 0028), compiled from the .po files by `pnpm i18n:compile`. */
const CATALOGS: Record<Locale, Messages> = { en, es, ar };
const instances = new Map<Locale, I18n>();

export type Translate = (id: string, values?: Record<string, string>) => string;

export function translator(locale: Locale): Translate {
  let i18n = instances.get(locale);
  if (!i18n) {
    i18n = setupI18n({
      locale,
      messages: { [locale]: CATALOGS[locale] },
      // The catalog test keeps every language complete, so a missing id is a typo in code.
      missing: (_, id) => {
        throw new Error(`no message "${id}" in the certificate catalog`);
      },
    });
    instances.set(locale, i18n);
  }
  const bound = i18n;
  return (id, values) => bound._(id, values);
}
