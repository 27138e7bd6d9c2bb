/** `learning.lesson`: what a lesson page shows besides video (the video router serves that). */
export interface LessonContent {
  lessonId: string;
  courseId: string;
  kind: "video" | "pdf" | "text" | "quiz" | "assignment" | "exercise";
  title: string;
  /** Text lessons: Markdown (rendered sanitized by the client). */
  body: string;
  durationSeconds: number;
  isOptional: boolean;
  isPreview: boolean;
  /** PDF lessons: the document, served same-origin by the API; null before upload. */
  document: { filename: string; byteSize: number; url: string; downloadUrl: string } | null;
}
