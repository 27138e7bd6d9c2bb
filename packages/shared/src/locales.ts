/**
 * The languages Lumen speaks (issue 16): the UI's catalogs, emails, notifications, the
 * certificate PDF and the edge's verify page all come in these, English being the source.
 * One list for every app, so adding a language is one edit here plus its catalogs.
 */
export const LOCALES = ["en", "es", "ar"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Each language named in itself, as a language switcher shows it. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  es: "Español",
  ar: "العربية",
};

const RTL: ReadonlySet<string> = new Set<Locale>(["ar"]);

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function textDirection(locale: Locale): "ltr" | "rtl" {
  return RTL.has(locale) ? "rtl" : "ltr";
}

/**
 * The supported language for a BCP 47 tag by its primary subtag (`es-MX` → es, `AR` → ar),
 * or null when we do not speak it.
 */
export function matchLocale(tag: string): Locale | null {
  const primary = tag.trim().split(/[-_]/, 1)[0]?.toLowerCase() ?? "";
  return isLocale(primary) ? primary : null;
}

/**
 * The best supported language for a list of preferences, in order: an Accept-Language header
 * (`es-MX,es;q=0.9,en;q=0.8`, q-values honoured, `*` ignored) or `navigator.languages`.
 * Falls back to English.
 */
export function negotiateLocale(
  preferences: string | readonly string[] | null | undefined,
): Locale {
  const ranked =
    typeof preferences === "string" ? parseAcceptLanguage(preferences) : (preferences ?? []);
  for (const tag of ranked) {
    const match = matchLocale(tag);
    if (match) return match;
  }
  return DEFAULT_LOCALE;
}

/** Accept-Language's tags by descending q (stable for equal q); q=0 means "not this one". */
function parseAcceptLanguage(header: string): string[] {
  return header
    .slice(0, 1024)
    .split(",")
    .map((part, order) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      const weight = q === undefined ? 1 : Number(q);
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, order };
    })
    .filter((entry) => entry.tag !== "" && entry.tag !== "*" && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order)
    .map((entry) => entry.tag);
}
