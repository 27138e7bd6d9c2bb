import {
  courseLearnersInput,
  courseProgressInput,
  getCourseProgress,
  getMyProgress,
  listCourseLearners,
  recordProgressInput,
} from "@lumen/core/progress";
import { instructorProcedure, protectedProcedure, router } from "../trpc";

/**
 * Learning progress. `record` is the write path for the player and lesson pages (also sent
 * as a beacon: a plain JSON POST to /trpc/progress.record); it resolves once the batch is
 * durably committed. Reads: the learner's own progress, and a course's learners for its
 * instructors.
 */
export const progressRouter = router({
  record: protectedProcedure
    .input(recordProgressInput)
    .mutation(({ ctx, input }) => ctx.progress.record(ctx.user, input.events)),
  course: protectedProcedure
    .input(courseProgressInput)
    .query(({ ctx, input }) => getCourseProgress({ ...ctx, input })),
  mine: protectedProcedure.query(({ ctx }) => getMyProgress(ctx)),
  courseLearners: instructorProcedure
    .input(courseLearnersInput)
    .query(({ ctx, input }) => listCourseLearners({ ...ctx, input })),
});
