/**
 * Who may do what to a course and its lessons: its editors (instructors, admins) change and
 * preview it, learners enrolled in it (and anyone, for a free preview lesson) open its lessons.
 * Every feature asks here, so a refusal reads the same whichever feature refuses.
 */
export {
  assertCanEditCourse,
  type EditableCourse,
  isCourseInstructor,
  mayEditCourse,
} from "./edit-course";
export { assertCanEditLesson } from "./edit-lesson";
export { lockLesson, lockModule } from "./locate";
export { assertCanWatchLesson } from "./watch-lesson";
