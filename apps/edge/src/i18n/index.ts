import { type I18n, type Messages, setupI18n } from "@lingui/core";
import { escapeHtml, type Locale } from "@lumen/shared";
import { messages as ar } from "./locales/ar/messages";
import { messages as en } from "./locales/en/messages";
import { messages as es } from "./locales/es/messages";

/**
 * The edge's message catalog (the verify page; ADR 0028), compiled by `pnpm i18n:compile`
 * into modules so workerd needs no build step. Text is plain: `t` output is escaped where
 * it is interpolated, and `rich` places already-safe markup at a message's placeholders.
 */
const CATALOGS: Record<Locale, Messages> = { en, es, ar };
const instances = new Map<Locale, I18n>();

export type Translate = (id: string, values?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  let i18n = instances.get(locale);
  if (!i18n) {
    i18n = setupI18n({
      locale,
      messages: { [locale]: CATALOGS[locale] },
      // The catalog test keeps every language complete, so a missing id is a typo in code.
      missing: (_, id) => {
        throw new Error(`no message "${id}" in the edge catalog`);
      },
    });
    instances.set(locale, i18n);
  }
  const bound = i18n;
  return (id, values) => bound._(id, values);
}

/** Marks no message contains (private use), standing in for markup while the words are escaped. */
const OPEN = "\uE000";
const CLOSE = "\uE001";

/**
 * A message as HTML whose placeholders hold markup (`<time>`, `<code>`, a link): the
 * translation's own words are escaped, each part is inserted as given (it must be safe HTML).
 */
export function rich(t: Translate, id: string, parts: Record<string, string>): string {
  const names = Object.keys(parts);
  const values = Object.fromEntries(names.map((name, i) => [name, `${OPEN}${i}${CLOSE}`]));
  return escapeHtml(t(id, values)).replace(
    new RegExp(`${OPEN}(\\d+)${CLOSE}`, "g"),
    (_, i: string) => parts[names[Number(i)] ?? ""] ?? "",
  );
}
