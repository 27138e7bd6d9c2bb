/** Driving a running Lumen from outside, as a browser would: browser tests and `pnpm dev`'s demo. */
export {
  type BuiltCourse,
  type CoursePlan,
  ensureCourse,
  type LessonPlan,
  type QuizPlan,
} from "./course";
export { minimalPdf } from "./pdf";
export { type Api, type Session, sessionAs } from "./session";
export { type UploadVideoOptions, uploadLessonVideo } from "./upload-video";
