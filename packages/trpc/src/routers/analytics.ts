import {
  analyticsCourseInput,
  analyticsLessonInput,
  getAssessmentsOverview,
  getCourseFunnel,
  getCourseOverview,
  getQuizAnalytics,
  getVideoEngagement,
  learnersTableInput,
  listLearnersTable,
  listVideoEngagement,
  overviewInput,
} from "@lumen/core/analytics";
import { instructorProcedure, router } from "../trpc";

/**
 * The instructor engagement dashboard: every procedure reads one course's rollups, for its
 * instructors and admins only (the course check is in each service function). ADR 0024.
 */
export const analyticsRouter = router({
  overview: instructorProcedure
    .input(overviewInput)
    .query(({ ctx, input }) => getCourseOverview({ ...ctx, input })),
  funnel: instructorProcedure
    .input(analyticsCourseInput)
    .query(({ ctx, input }) => getCourseFunnel({ ...ctx, input })),
  videos: instructorProcedure
    .input(analyticsCourseInput)
    .query(({ ctx, input }) => listVideoEngagement({ ...ctx, input })),
  video: instructorProcedure
    .input(analyticsLessonInput)
    .query(({ ctx, input }) => getVideoEngagement({ ...ctx, input })),
  assessments: instructorProcedure
    .input(analyticsCourseInput)
    .query(({ ctx, input }) => getAssessmentsOverview({ ...ctx, input })),
  quiz: instructorProcedure
    .input(analyticsLessonInput)
    .query(({ ctx, input }) => getQuizAnalytics({ ...ctx, input })),
  learners: instructorProcedure
    .input(learnersTableInput)
    .query(({ ctx, input }) => listLearnersTable({ ...ctx, input })),
});
