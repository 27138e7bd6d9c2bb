import type { LessonKind } from "../api";

/** Every kind the router accepts (the type says so), in the order the "add lesson" menu lists them. */
export const KIND_LABELS: Record<LessonKind, string> = {
  video: "Video",
  pdf: "PDF",
  text: "Text",
  quiz: "Quiz",
  assignment: "Assignment",
  exercise: "Exercise",
};

export function isLessonKind(value: string): value is LessonKind {
  return Object.hasOwn(KIND_LABELS, value);
}

export const LESSON_KINDS: readonly LessonKind[] = Object.keys(KIND_LABELS).filter(isLessonKind);
