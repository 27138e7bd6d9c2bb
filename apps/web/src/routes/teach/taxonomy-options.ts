import type { MessageDescriptor } from "@lingui/core";
import { msg } from "@lingui/core/macro";
import { useLingui } from "@lingui/react";
import { CATEGORIES, COURSE_LEVELS, type CourseLevel, type LanguageCode } from "@lumen/shared";
import { CATEGORY_LABELS } from "../../lib/course-category";

// The values stay the API's English words; only what the select shows is translated.
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

/**
 * The catalog's fixed vocabularies as select options, in the order the taxonomy lists them,
 * labelled in the UI's language (re-rendered when it changes).
 */
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
