import { capitalize } from "../../../../lib/format";
import { intlLocale } from "../../../../lib/i18n";

/** The caption languages offered first: common BCP 47 tags. */
const TAGS = [
  "en",
  "en-GB",
  "es",
  "es-419",
  "fr",
  "de",
  "it",
  "pt",
  "pt-BR",
  "nl",
  "sv",
  "da",
  "no",
  "fi",
  "pl",
  "cs",
  "ro",
  "hu",
  "el",
  "tr",
  "ru",
  "uk",
  "ar",
  "he",
  "fa",
  "hi",
  "bn",
  "id",
  "vi",
  "th",
  "ja",
  "ko",
  "zh-Hans",
  "zh-Hant",
] as const;

/** A language's name in the interface's language (Intl): "English", "inglés", "الإنجليزية". */
export function captionLanguageName(tag: string, locale: string = intlLocale()): string {
  try {
    return new Intl.DisplayNames([locale], { type: "language" }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** The select's options, named in the interface's language; built while rendering. */
export function captionLanguages(
  locale: string = intlLocale(),
): ReadonlyArray<{ value: string; label: string }> {
  return TAGS.map((tag) => ({ value: tag, label: `${captionLanguageName(tag, locale)} (${tag})` }));
}

/** The label learners see in the captions menu, in its own language: "Français", "日本語". */
export function defaultCaptionLabel(tag: string): string {
  try {
    return capitalize(new Intl.DisplayNames([tag], { type: "language" }).of(tag) ?? tag);
  } catch {
    return tag;
  }
}
