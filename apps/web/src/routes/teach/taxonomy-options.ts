import { CATEGORIES, COURSE_LEVELS, LANGUAGES } from "@lumen/shared";
import { capitalize } from "../../lib/format";

/** The catalog's fixed vocabularies as select options, in the order the taxonomy lists them. */
export const CATEGORY_OPTIONS = CATEGORIES.map((value) => ({ value, label: value }));
export const LEVEL_OPTIONS = COURSE_LEVELS.map((value) => ({ value, label: capitalize(value) }));
export const LANGUAGE_OPTIONS = Object.entries(LANGUAGES).map(([value, label]) => ({
  value,
  label,
}));
