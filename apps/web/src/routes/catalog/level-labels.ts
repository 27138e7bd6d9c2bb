import type { MessageDescriptor } from "@lingui/core";
import { msg } from "@lingui/core/macro";
import { COURSE_LEVELS, type CourseLevel } from "@lumen/shared/constants";

const LEVEL_LABELS: Record<CourseLevel, MessageDescriptor> = {
  beginner: msg`Beginner`,
  intermediate: msg`Intermediate`,
  advanced: msg`Advanced`,
};

/**
 * A course level as shown to people, translated with the caller's `t` (from `useLingui`, so a
 * language switch re-renders it); an unknown value from a newer API is shown as it came.
 */
export function levelText(level: string, t: (label: MessageDescriptor) => string): string {
  const known = COURSE_LEVELS.find((l) => l === level);
  return known ? t(LEVEL_LABELS[known]) : level;
}
