import { z } from "zod";
import { id, multiLine, singleLine } from "../kernel";

/** Input schemas of the rating procedures; messages are shown next to the form field. */

export const REVIEW_TITLE_MAX = 120;
export const REVIEW_BODY_MAX = 5_000;
export const RESPONSE_BODY_MAX = 5_000;
export const REPORT_REASON_MAX = 500;
export const REVIEW_PAGE_MAX = 50;

export const courseRatingInput = z.object({ courseId: id("courseId") });
export const ratingIdInput = z.object({ ratingId: id("ratingId") });

export const rateCourseInput = z.object({
  courseId: id("courseId"),
  stars: z
    .number({ error: "Choose 1 to 5 stars." })
    .int("Choose 1 to 5 stars.")
    .min(1, "Choose 1 to 5 stars.")
    .max(5, "Choose 1 to 5 stars."),
  title: singleLine({ label: "Title", max: REVIEW_TITLE_MAX }).default(""),
  /** Markdown, shown with the sanitized renderer (ADR 0021). */
  body: multiLine({ label: "Review", max: REVIEW_BODY_MAX }).default(""),
});
export type RateCourseInput = z.output<typeof rateCourseInput>;

export const reviewSort = z.enum(["helpful", "newest", "lowest"], {
  error: "Sort by most helpful, newest or lowest.",
});
export type ReviewSort = z.output<typeof reviewSort>;

export const listReviewsInput = z.object({
  courseId: id("courseId"),
  sort: reviewSort.default("helpful"),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(REVIEW_PAGE_MAX).default(10),
});

export const helpfulInput = z.object({ ratingId: id("ratingId"), helpful: z.boolean() });

export const reportReviewInput = z.object({
  ratingId: id("ratingId"),
  reason: multiLine({ label: "Reason", max: REPORT_REASON_MAX }).pipe(
    z.string().min(1, "Say what is wrong with this review."),
  ),
});

export const hideReviewInput = z.object({
  ratingId: id("ratingId"),
  hidden: z.boolean(),
  reason: multiLine({ label: "Reason", max: REPORT_REASON_MAX }).default(""),
});

export const respondInput = z.object({
  ratingId: id("ratingId"),
  body: multiLine({ label: "Response", max: RESPONSE_BODY_MAX }).pipe(
    z.string().min(1, "Write a response."),
  ),
});

export const reviewReportsInput = z.object({
  courseId: id("courseId"),
  status: z.enum(["open", "closed"]).default("open"),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(REVIEW_PAGE_MAX).default(20),
});

export const dismissReviewReportInput = z.object({ reportId: id("reportId") });

export const ratingPromptInput = z.object({
  courseId: id("courseId"),
  milestone: z.union([z.literal(50), z.literal(100)], { error: "The prompt is at 50 or 100 %." }),
});
