import type { MessageDescriptor } from "@lingui/core";
import { msg } from "@lingui/core/macro";
import { useLingui } from "@lingui/react";
import {
  CATEGORIES,
  type Category,
  COURSE_LEVELS,
  type CourseLevel,
  LANGUAGES,
  type LanguageCode,
} from "@lumen/shared";
import { capitalize } from "../../lib/format";

/** The catalog's fixed vocabularies as select options, in the order the taxonomy lists them. */
export const CATEGORY_OPTIONS = CATEGORIES.map((value) => ({ value, label: value }));
export const LEVEL_OPTIONS = COURSE_LEVELS.map((value) => ({ value, label: capitalize(value) }));
export const LANGUAGE_OPTIONS = Object.entries(LANGUAGES).map(([value, label]) => ({
  value,
  label,
}));

// The values stay the API's English words; only what the select shows is translated.
const CATEGORY_LABELS: Record<Category, MessageDescriptor> = {
  "Arts and Humanities": msg`Arts and Humanities`,
  Business: msg`Business`,
  "Computer Science": msg`Computer Science`,
  "Data Science": msg`Data Science`,
  Design: msg`Design`,
  Health: msg`Health`,
  "Information Technology": msg`Information Technology`,
  "Language Learning": msg`Language Learning`,
  Mathematics: msg`Mathematics`,
  "Personal Development": msg`Personal Development`,
  "Physical Science": msg`Physical Science`,
  "Social Sciences": msg`Social Sciences`,
};
const LEVEL_LABELS: Record<CourseLevel, MessageDescriptor> = {
  beginner: msg`Beginner`,
  intermediate: msg`Intermediate`,
  advanced: msg`Advanced`,
};
const LANGUAGE_LABELS: Record<LanguageCode, MessageDescriptor> = {
  en: msg`English`,
  es: msg`Spanish`,
  fr: msg`French`,
  de: msg`German`,
  pt: msg`Portuguese`,
  ja: msg`Japanese`,
  it: msg`Italian`,
  zh: msg`Chinese`,
};

/** The same options with labels in the UI's language (re-rendered when it changes). */
export function useTaxonomyOptions() {
  const { i18n } = useLingui();
  return {
    categories: CATEGORIES.map((value) => ({ value, label: i18n._(CATEGORY_LABELS[value]) })),
    levels: COURSE_LEVELS.map((value) => ({ value, label: i18n._(LEVEL_LABELS[value]) })),
    languages: (Object.keys(LANGUAGE_LABELS) as LanguageCode[]).map((value) => ({
      value,
      label: i18n._(LANGUAGE_LABELS[value]),
    })),
  };
}
