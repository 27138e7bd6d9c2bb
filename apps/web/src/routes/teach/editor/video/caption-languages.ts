import { capitalize, languageName } from "../../../../lib/format";

/** The caption languages offered first: common BCP 47 tags, with their English names. */
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

export const CAPTION_LANGUAGES: ReadonlyArray<{ value: string; label: string }> = TAGS.map(
  (tag) => ({ value: tag, label: `${languageName(tag)} (${tag})` }),
);

/** The label learners see in the captions menu, in its own language: "Français", "日本語". */
export function defaultCaptionLabel(tag: string): string {
  try {
    return capitalize(new Intl.DisplayNames([tag], { type: "language" }).of(tag) ?? tag);
  } catch {
    return tag;
  }
}
