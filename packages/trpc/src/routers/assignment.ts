import {
  assignmentLessonInput,
  calibrate,
  calibrateInput,
  flagReview,
  flagReviewInput,
  getBacklog,
  getEditableAssignment,
  getSubmissionForStaff,
  gradeAsStaff,
  keepFlaggedReview,
  resolveFlagInput,
  reviewNext,
  saveAssignment,
  saveAssignmentInput,
  staffGradeInput,
  submissionIdInput,
  submitReview,
  submitReviewInput,
  submitWork,
  submitWorkInput,
  takeAssignment,
} from "@lumen/core/assignment";
import { instructorProcedure, protectedProcedure, router } from "../trpc";

/**
 * Peer-reviewed assignments. Editors write the rubric and settings (`edit`, `save`) and work
 * the backlog (`backlog`, `staffSubmission`, `staffGrade`, `keepReview`); learners `take` it,
 * `submit` (and revise), `calibrate` on examples, lease work with `reviewNext`, `review` it,
 * and `flag` an unfair review of their own work. No response names a reviewer.
 */
export const assignmentRouter = router({
  edit: instructorProcedure
    .input(assignmentLessonInput)
    .query(({ ctx, input }) => getEditableAssignment({ ...ctx, input })),
  save: instructorProcedure
    .input(saveAssignmentInput)
    .mutation(({ ctx, input }) => saveAssignment({ ...ctx, input })),
  take: protectedProcedure
    .input(assignmentLessonInput)
    .query(({ ctx, input }) => takeAssignment({ ...ctx, input })),
  submit: protectedProcedure
    .input(submitWorkInput)
    .mutation(({ ctx, input }) => submitWork({ ...ctx, input })),
  calibrate: protectedProcedure
    .input(calibrateInput)
    .mutation(({ ctx, input }) => calibrate({ ...ctx, input })),
  reviewNext: protectedProcedure
    .input(assignmentLessonInput)
    .mutation(({ ctx, input }) => reviewNext({ ...ctx, input })),
  review: protectedProcedure
    .input(submitReviewInput)
    .mutation(({ ctx, input }) => submitReview({ ...ctx, input })),
  flag: protectedProcedure
    .input(flagReviewInput)
    .mutation(({ ctx, input }) => flagReview({ ...ctx, input })),
  backlog: instructorProcedure
    .input(assignmentLessonInput)
    .query(({ ctx, input }) => getBacklog({ ...ctx, input })),
  staffSubmission: instructorProcedure
    .input(submissionIdInput)
    .query(({ ctx, input }) => getSubmissionForStaff({ ...ctx, input })),
  staffGrade: instructorProcedure
    .input(staffGradeInput)
    .mutation(({ ctx, input }) => gradeAsStaff({ ...ctx, input })),
  keepReview: instructorProcedure
    .input(resolveFlagInput)
    .mutation(({ ctx, input }) => keepFlaggedReview({ ...ctx, input })),
});
