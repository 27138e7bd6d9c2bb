/**
 * The course builder: an instructor's courses, their outline (modules, lessons), cover,
 * publishing and its checklist. Every verb checks the caller edits THIS course (../access).
 */
export { addLesson } from "./add-lesson";
export { addModule } from "./add-module";
export {
  type CreateCourseInput,
  courseIdInput,
  createCourseInput,
  type MyCoursesInput,
  myCoursesInput,
  type UpdateCourseInput,
  updateCourseInput,
} from "./course-inputs";
export { createCourse } from "./create-course";
export { deleteLesson } from "./delete-lesson";
export { deleteModule } from "./delete-module";
export { type EditableCourseView, getEditableCourse } from "./get-course";
export { getMediaBlob, type MediaBlob } from "./get-media-blob";
export { type AuthoredCourse, type AuthoredCoursePage, listMyCourses } from "./list-my-courses";
export { moveLesson } from "./move-lesson";
export {
  addLessonInput,
  addModuleInput,
  lessonIdInput,
  moduleIdInput,
  moveLessonInput,
  renameModuleInput,
  reorderLessonsInput,
  reorderModulesInput,
  updateLessonInput,
} from "./outline-inputs";
export { publishCourse } from "./publish";
export { getPublishChecklist, type PublishChecklist } from "./publish-checklist";
export type { PublishProblem, PublishProblemCode } from "./publish-checks";
export { renameModule } from "./rename-module";
export { reorderLessons } from "./reorder-lessons";
export { reorderModules } from "./reorder-modules";
export { COVER_MAX_BYTES, setCourseCover } from "./set-course-cover";
export { touchCourse } from "./touch";
export type { AuthoringDeps, CourseChange } from "./types";
export { unpublishCourse } from "./unpublish";
export { updateCourse } from "./update-course";
export { updateLesson } from "./update-lesson";
