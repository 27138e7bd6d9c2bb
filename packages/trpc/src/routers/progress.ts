import { listCourseLearners } from "@lumen/core/progress/course-learners";
import { getCourseProgress } from "@lumen/core/progress/course-progress";
import * as progress from "@lumen/core/progress/inputs";
import { getMyProgress } from "@lumen/core/progress/my-progress";
import { instructorProcedure, protectedProcedure, router } from "../trpc";

/**
 * Learning progress. `record` is the write path for the player and lesson pages (also sent
 * as a beacon: a plain JSON POST to /trpc/progress.record); it resolves once the batch is
 * durably committed. Reads: the learner's own progress, and a course's learners for its
 * instructors.
 */
export const progressRouter = router({
  record: protectedProcedure
    .input(progress.recordProgressInput)
    .mutation(({ ctx, input }) => ctx.progress.record(ctx.user, input.events)),
  course: protectedProcedure
    .input(progress.courseProgressInput)
    .query(({ ctx, input }) => getCourseProgress({ ...ctx, input })),
  mine: protectedProcedure.query(({ ctx }) => getMyProgress(ctx)),
  courseLearners: instructorProcedure
    .input(progress.courseLearnersInput)
    .query(({ ctx, input }) => listCourseLearners({ ...ctx, input })),
});
