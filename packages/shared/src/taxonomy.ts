/**
 * The catalog's fixed vocabularies. Filters accept only these values (anything else is a
 * 400), the authoring view offers them, and the seed uses the same lists.
 */
export const CATEGORIES = [
  "Arts and Humanities",
  "Business",
  "Computer Science",
  "Data Science",
  "Design",
  "Health",
  "Information Technology",
  "Language Learning",
  "Mathematics",
  "Personal Development",
  "Physical Science",
  "Social Sciences",
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Course languages (BCP 47 primary subtags) with their English names. */
export const LANGUAGES = {
  en: "English",
  es: "Spanish",
  fr: "French",
  de: "German",
  pt: "Portuguese",
  ja: "Japanese",
  it: "Italian",
  zh: "Chinese",
} as const;
export type LanguageCode = keyof typeof LANGUAGES;
export const LANGUAGE_CODES = Object.keys(LANGUAGES) as [LanguageCode, ...LanguageCode[]];
