import { accountRowsStep } from "./account-rows";
import { apiAccessStep } from "./api-access";
import { certificatesStep } from "./certificates";
import { forumStep } from "./forum";
import { learningStep } from "./learning";
import { mediaStep } from "./media";
import { profileStep } from "./profile";
import { searchStep } from "./search";
import { signInStep } from "./sign-in";
import type { RetirementStep } from "./types";

export type { RetirementStep, StepContext } from "./types";

/**
 * The retirement's steps in order (ADR 0027). Sign-in goes first so nothing new arrives while
 * the rest is erased; files before the rows that name them; the profile before the search
 * reindex so the index never sees the old name.
 */
export const RETIREMENT_STEPS: readonly RetirementStep[] = [
  signInStep,
  apiAccessStep,
  certificatesStep,
  mediaStep,
  learningStep,
  forumStep,
  accountRowsStep,
  profileStep,
  searchStep,
];
