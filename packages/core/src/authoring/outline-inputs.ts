import { lessonKind } from "@lumen/db";
import { z } from "zod";
import { id, multiLine } from "../kernel";
import { courseIdInput, title } from "./course-inputs";
import * as L from "./limits";

/** Input schemas of the outline procedures (modules and lessons). */
const ids = (name: string) =>
  z.array(id(name)).max(L.REORDER_IDS_MAX, `At most ${L.REORDER_IDS_MAX} ids.`);

const moduleTitle = title("Module title", L.MODULE_TITLE_MAX);
const lessonTitle = title("Lesson title", L.LESSON_TITLE_MAX);

export const addModuleInput = courseIdInput.extend({ title: moduleTitle });
export const moduleIdInput = z.object({ moduleId: id("moduleId") });
export const renameModuleInput = moduleIdInput.extend({ title: moduleTitle });
export const reorderModulesInput = courseIdInput.extend({ moduleIds: ids("moduleIds") });

export const addLessonInput = moduleIdInput.extend({
  title: lessonTitle,
  kind: z.enum(lessonKind.enumValues, {
    error: "Kind must be video, pdf, text, quiz, assignment or exercise.",
  }),
});
export const lessonIdInput = z.object({ lessonId: id("lessonId") });
export const updateLessonInput = lessonIdInput.extend({
  title: lessonTitle.optional(),
  body: multiLine({
    label: "Lesson text",
    max: L.LESSON_BODY_MAX,
    tooLong: `A lesson can have at most ${L.LESSON_BODY_MAX} characters.`,
    trim: false,
  }).optional(),
  durationSeconds: z
    .number()
    .int("Duration must be whole seconds.")
    .min(0, "Duration can't be negative.")
    .max(L.LESSON_DURATION_MAX_SECONDS, "A lesson can last at most 24 hours.")
    .optional(),
  /** Free preview: anyone can watch or read it without enrolling. */
  isPreview: z.boolean({ error: "isPreview must be true or false." }).optional(),
  /** Optional lessons do not count towards course completion (extra reading, bonus material). */
  isOptional: z.boolean({ error: "isOptional must be true or false." }).optional(),
});
export const reorderLessonsInput = moduleIdInput.extend({ lessonIds: ids("lessonIds") });
export const moveLessonInput = lessonIdInput.extend({
  toModuleId: id("toModuleId"),
  /** 0-based slot in the target module; past the end means "last". */
  position: z.number().int().min(0, "Position can't be negative."),
});
