/** What a lesson page shows besides video (text, PDF, kind, flags), under the watch rule. */
export { lessonContentInput } from "./inputs";
export { getLessonContent } from "./lesson-content";
export type { LessonContent } from "./types";
