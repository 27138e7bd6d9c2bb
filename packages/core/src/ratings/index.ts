/**
 * Course ratings and reviews (ADR 0032): eligible learners rate a course 1–5 stars with an
 * optional Markdown review, once per course; helpful votes, reports to the course's review
 * queue, staff hide/restore, one instructor response per review, prompts at 50 % and at
 * completion. Every write recomputes the course's exact average and count from the rows,
 * under the course row lock, and enqueues its reindex (→ edge purge).
 */
export { recomputeCourseRating } from "./aggregate";
export { type RatingEligibility, ratingEligibility } from "./eligibility";
export * from "./inputs";
export { deleteReviewResponse, respondToReview, setReviewHidden } from "./moderate";
export {
  DEFAULT_RATING_POLICY,
  PROMPT_MILESTONES,
  type PromptMilestone,
  type RatingPolicy,
} from "./policy";
export { dismissRatingPrompt, getRatingPrompt } from "./prompt";
export { deleteMyRating, type RateResult, rateCourse } from "./rate";
export { getRatingSummary, listReviews } from "./read";
export { dismissReviewReport, listReviewReports, reportReview } from "./reports";
export type * from "./types";
export { markReviewHelpful } from "./vote";
