import { CATEGORIES, COURSE_LEVELS, LANGUAGE_CODES } from "@lumen/shared";
import { z } from "zod";
import { id, multiLine, singleLine } from "../kernel";
import * as L from "./limits";

/** Input schemas of the course-level procedures; messages are shown next to the form field. */

export const title = (what: string, max: number) =>
  singleLine({ label: what, max }).min(1, `${what} can't be empty.`);

const courseFields = {
  title: title("Title", L.COURSE_TITLE_MAX),
  subtitle: singleLine({ label: "Subtitle", max: L.COURSE_SUBTITLE_MAX }),
  description: multiLine({ label: "Description", max: L.COURSE_DESCRIPTION_MAX }),
  category: z.enum(CATEGORIES, { error: "Pick one of the catalog's categories." }),
  level: z.enum(COURSE_LEVELS, { error: "Level must be beginner, intermediate or advanced." }),
  language: z.enum(LANGUAGE_CODES, { error: "Pick one of the supported languages." }),
  tags: z
    .array(
      singleLine({
        label: "Tags",
        max: L.COURSE_TAG_MAX_LENGTH,
        tooLong: `Each tag must be at most ${L.COURSE_TAG_MAX_LENGTH} characters.`,
        tidy: (tag) => tag.toLowerCase().replace(/\s+/g, " "),
      }).min(1, "Tags can't be empty."),
    )
    .max(100, `A course can have at most ${L.COURSE_TAGS_MAX} tags.`)
    .transform((tags) => [...new Set(tags)])
    .pipe(
      z
        .array(z.string())
        .max(L.COURSE_TAGS_MAX, `A course can have at most ${L.COURSE_TAGS_MAX} tags.`),
    ),
};

export const myCoursesInput = z
  .object({
    page: z.number().int().min(1).default(1),
    pageSize: z.number().int().min(1).max(L.MY_COURSES_PAGE_SIZE_MAX).default(50),
  })
  .prefault({});

export const createCourseInput = z.object({
  ...courseFields,
  subtitle: courseFields.subtitle.optional(),
  description: courseFields.description.optional(),
  tags: courseFields.tags.optional(),
});

export const courseIdInput = z.object({ courseId: id("courseId") });

export const updateCourseInput = courseIdInput.extend({
  /** The `updatedAt` the editor loaded; a newer one in the database means someone else saved. */
  expectedUpdatedAt: z.iso.datetime({
    offset: true,
    error: "expectedUpdatedAt must be an ISO 8601 timestamp.",
  }),
  title: courseFields.title.optional(),
  subtitle: courseFields.subtitle.optional(),
  description: courseFields.description.optional(),
  category: courseFields.category.optional(),
  level: courseFields.level.optional(),
  language: courseFields.language.optional(),
  tags: courseFields.tags.optional(),
  /** Only `null` (remove the cover); a cover is set by uploading it. */
  coverImageKey: z.null().optional(),
});

export type CreateCourseInput = z.output<typeof createCourseInput>;
export type UpdateCourseInput = z.output<typeof updateCourseInput>;
export type MyCoursesInput = z.output<typeof myCoursesInput>;
