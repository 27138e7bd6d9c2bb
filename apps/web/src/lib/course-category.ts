import type { MessageDescriptor } from "@lingui/core";
import { msg } from "@lingui/core/macro";
import { CATEGORIES, type Category } from "@lumen/shared/constants";

/**
 * The catalog's categories as people read them. The values are a fixed vocabulary
 * (`@lumen/shared` CATEGORIES: the API refuses any other), sent and stored in English; only
 * what is shown is translated — on cards, the course page, the catalog's filters and the editor.
 */
export const CATEGORY_LABELS: Record<Category, MessageDescriptor> = {
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

/**
 * A category as shown, translated with the caller's `t` (from `useLingui`, so a language
 * switch re-renders it); a value a newer API added is shown as it came.
 */
export function categoryText(category: string, t: (label: MessageDescriptor) => string): string {
  const known = CATEGORIES.find((c) => c === category);
  return known ? t(CATEGORY_LABELS[known]) : category;
}
