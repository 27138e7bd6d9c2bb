import { t } from "@lingui/core/macro";
import { inputTextProblem } from "@lumen/shared/text-rules";
import type { FieldErrors } from "../../lib/auth-validation";
import { intlLocale } from "../../lib/i18n";

/**
 * The course form's rules. They mirror the API's authoring limits so mistakes show up
 * before a round trip; the server stays the judge and its field errors win.
 * Messages use the active language when the form is checked (on submit or while typing).
 */
export const COURSE_LIMITS = {
  titleMax: 120,
  subtitleMax: 200,
  descriptionMax: 20_000,
  tagsMax: 10,
  tagMaxLength: 30,
} as const;

export interface CourseFormValues {
  title: string;
  subtitle: string;
  description: string;
  category: string;
  level: string;
  language: string;
  tags: string[];
}
export type CourseField = keyof CourseFormValues;
export const COURSE_FIELDS: readonly CourseField[] = [
  "title",
  "subtitle",
  "description",
  "category",
  "level",
  "language",
  "tags",
];

export function validateCourseForm(values: CourseFormValues): FieldErrors<CourseField> {
  const errors: FieldErrors<CourseField> = {};
  const L = COURSE_LIMITS;
  if (!values.title.trim()) errors.title = t`Give your course a title.`;
  else if (values.title.trim().length > L.titleMax)
    errors.title = t`Use at most ${L.titleMax} characters.`;
  if (values.subtitle.trim().length > L.subtitleMax) {
    errors.subtitle = t`Use at most ${L.subtitleMax} characters.`;
  }
  if (values.description.trim().length > L.descriptionMax) {
    const max = L.descriptionMax.toLocaleString(intlLocale());
    errors.description = t`Use at most ${max} characters.`;
  }
  // The API's text rules (control characters, broken characters), with the same messages.
  const unstorable = {
    title: inputTextProblem(values.title, "Title"),
    subtitle: inputTextProblem(values.subtitle, "Subtitle"),
    description: inputTextProblem(values.description, "Description", { multiline: true }),
  };
  for (const [field, problem] of Object.entries(unstorable) as [CourseField, string | null][]) {
    if (problem && !errors[field]) errors[field] = problem;
  }
  if (!values.category) errors.category = t`Choose a category.`;
  if (!values.level) errors.level = t`Choose a level.`;
  if (!values.language) errors.language = t`Choose a language.`;
  if (values.tags.length > L.tagsMax) errors.tags = t`Use at most ${L.tagsMax} tags.`;
  return errors;
}

/** The fields that differ from what was loaded: only those are sent. */
export function changedFields(
  saved: CourseFormValues,
  values: CourseFormValues,
): Partial<CourseFormValues> {
  const changes: Partial<CourseFormValues> = {};
  for (const field of COURSE_FIELDS) {
    const before = saved[field];
    const after = values[field];
    const same =
      Array.isArray(before) && Array.isArray(after)
        ? before.join("\u0000") === after.join("\u0000")
        : typeof before === "string" && typeof after === "string" && before.trim() === after.trim();
    if (!same) Object.assign(changes, { [field]: after });
  }
  return changes;
}

/** Tags as the server stores them: trimmed, lower case, single spaces. */
export function normalizeTag(raw: string): string {
  return raw.trim().toLowerCase().replace(/\s+/g, " ").slice(0, COURSE_LIMITS.tagMaxLength);
}

/** Adds comma-separated tags, skipping blanks and duplicates, up to the limit. */
export function addTags(existing: readonly string[], raw: string): string[] {
  const next = [...existing];
  for (const tag of raw.split(",").map(normalizeTag)) {
    if (tag && !next.includes(tag) && next.length < COURSE_LIMITS.tagsMax) next.push(tag);
  }
  return next;
}

/** The first field with an error, in the form's order, for focus. */
export function firstInvalid(errors: FieldErrors<CourseField>): CourseField | undefined {
  return COURSE_FIELDS.find((field) => errors[field]);
}
