import type { LessonKind } from "../../../lib/outline";

export const KIND_LABELS: Record<LessonKind, string> = {
  text: "Text",
  video: "Video",
  pdf: "PDF",
  quiz: "Quiz",
  assignment: "Assignment",
  exercise: "Exercise",
};

/** What each kind's editor will do once its feature lands; said plainly in the meantime. */
export const KIND_LATER: Record<Exclude<LessonKind, "text" | "video" | "pdf" | "quiz">, string> = {
  assignment: "The assignment editor arrives with assessments.",
  exercise: "The exercise editor arrives with programming assignments.",
};
