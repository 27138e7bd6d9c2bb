import type { MessageDescriptor } from "@lingui/core";
import { msg } from "@lingui/core/macro";
import type { LessonKind } from "../api";

/**
 * Every kind the router accepts (the type says so), in the order the "add lesson" menu lists
 * them. Translated where shown (`t(descriptor)`), so a language switch re-renders them.
 */
export const KIND_LABELS: Record<LessonKind, MessageDescriptor> = {
  video: msg`Video`,
  pdf: msg`PDF`,
  text: msg`Text`,
  quiz: msg`Quiz`,
  assignment: msg`Assignment`,
  exercise: msg`Exercise`,
};

export function isLessonKind(value: string): value is LessonKind {
  return Object.hasOwn(KIND_LABELS, value);
}

export const LESSON_KINDS: readonly LessonKind[] = Object.keys(KIND_LABELS).filter(isLessonKind);
