/** What a deployment may tune about ratings (API env: RATING_MIN_COMPLETION_PERCENT). */
export interface RatingPolicy {
  /** The share of a course (completion percent, 0–100) a learner needs before rating it. */
  minCompletionPercent: number;
}

export const DEFAULT_RATING_POLICY: RatingPolicy = { minCompletionPercent: 20 };

/** The milestones (completion percent) at which a learner is asked, once each, to rate. */
export const PROMPT_MILESTONES = [50, 100] as const;
export type PromptMilestone = (typeof PROMPT_MILESTONES)[number];
