import {
  courseRatingInput,
  deleteMyRating,
  deleteReviewResponse,
  dismissRatingPrompt,
  dismissReviewReport,
  dismissReviewReportInput,
  getRatingPrompt,
  getRatingSummary,
  helpfulInput,
  hideReviewInput,
  listReviewReports,
  listReviews,
  listReviewsInput,
  markReviewHelpful,
  rateCourse,
  rateCourseInput,
  ratingIdInput,
  ratingPromptInput,
  reportReview,
  reportReviewInput,
  respondInput,
  respondToReview,
  reviewReportsInput,
  setReviewHidden,
} from "@lumen/core/ratings";
import { privilegedProcedure, protectedProcedure, publicProcedure, router } from "../trpc";

/**
 * Course ratings and reviews (ADR 0032). Reading is public for a published course; rating
 * needs an eligible enrolment, moderation the course's staff — all checked by the services
 * against the course. Staff procedures re-read the session (privilegedProcedure).
 */
export const ratingsRouter = router({
  summary: publicProcedure
    .input(courseRatingInput)
    .query(({ ctx, input }) => getRatingSummary({ ...ctx, input })),
  reviews: publicProcedure
    .input(listReviewsInput)
    .query(({ ctx, input }) => listReviews({ ...ctx, input })),
  rate: protectedProcedure
    .input(rateCourseInput)
    .mutation(({ ctx, input }) => rateCourse({ ...ctx, input })),
  deleteMine: protectedProcedure
    .input(courseRatingInput)
    .mutation(({ ctx, input }) => deleteMyRating({ ...ctx, input })),
  prompt: protectedProcedure
    .input(courseRatingInput)
    .query(({ ctx, input }) => getRatingPrompt({ ...ctx, input })),
  dismissPrompt: protectedProcedure
    .input(ratingPromptInput)
    .mutation(({ ctx, input }) => dismissRatingPrompt({ ...ctx, input })),
  helpful: protectedProcedure
    .input(helpfulInput)
    .mutation(({ ctx, input }) => markReviewHelpful({ ...ctx, input })),
  report: protectedProcedure
    .input(reportReviewInput)
    .mutation(({ ctx, input }) => reportReview({ ...ctx, input })),
  // Moderation and responses: the course's staff only (checked in the services).
  reports: privilegedProcedure
    .input(reviewReportsInput)
    .query(({ ctx, input }) => listReviewReports({ ...ctx, input })),
  dismissReport: privilegedProcedure
    .input(dismissReviewReportInput)
    .mutation(({ ctx, input }) => dismissReviewReport({ ...ctx, input })),
  hide: privilegedProcedure
    .input(hideReviewInput)
    .mutation(({ ctx, input }) => setReviewHidden({ ...ctx, input })),
  respond: privilegedProcedure
    .input(respondInput)
    .mutation(({ ctx, input }) => respondToReview({ ...ctx, input })),
  deleteResponse: privilegedProcedure
    .input(ratingIdInput)
    .mutation(({ ctx, input }) => deleteReviewResponse({ ...ctx, input })),
});
