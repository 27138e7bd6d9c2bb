import { CATEGORIES, COURSE_LEVELS, LANGUAGE_CODES } from "@lumen/shared";
import type { CourseFormValues } from "./course-form";

const pick = <T extends string>(values: readonly T[], raw: string) => values.find((v) => v === raw);

/** The form's strings as the API's typed input; null when a select holds an unknown value. */
export function toCourseInput(values: CourseFormValues) {
  const category = pick(CATEGORIES, values.category);
  const level = pick(COURSE_LEVELS, values.level);
  const language = pick(LANGUAGE_CODES, values.language);
  if (!category || !level || !language) return null;
  return {
    title: values.title.trim(),
    subtitle: values.subtitle.trim(),
    description: values.description.trim(),
    category,
    level,
    language,
    tags: values.tags,
  };
}

type CourseInput = NonNullable<ReturnType<typeof toCourseInput>>;

/** Only the changed fields, typed for `updateCourse`; null when a select is invalid. */
export function toCoursePatch(
  changed: Partial<CourseFormValues>,
  values: CourseFormValues,
): Partial<CourseInput> | null {
  const full = toCourseInput(values);
  if (!full) return null;
  const patch: Partial<CourseInput> = {};
  for (const key of Object.keys(changed)) {
    if (key === "title") patch.title = full.title;
    if (key === "subtitle") patch.subtitle = full.subtitle;
    if (key === "description") patch.description = full.description;
    if (key === "category") patch.category = full.category;
    if (key === "level") patch.level = full.level;
    if (key === "language") patch.language = full.language;
    if (key === "tags") patch.tags = full.tags;
  }
  return patch;
}
