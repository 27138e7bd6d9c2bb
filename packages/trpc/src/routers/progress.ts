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
 * Learning progress. `record` is the write path for tRPC callers; it resolves once the batch
 * is durably committed. The SPA sends the same input to the API's plain progress route
 * (PROGRESS_BEACON_PATH, the same ingest without tRPC's per-call cost: ADR 0029). Reads: the
 * learner's own progress, and a course's learners for its instructors.
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
