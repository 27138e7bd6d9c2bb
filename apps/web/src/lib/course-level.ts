import type { MessageDescriptor } from "@lingui/core";
import { msg } from "@lingui/core/macro";

/** The catalog's three levels, as cards and course pages name them (translated where shown). */
export const LEVEL_LABELS: Record<string, MessageDescriptor> = {
  beginner: msg`Beginner`,
  intermediate: msg`Intermediate`,
  advanced: msg`Advanced`,
};
