import {
  exerciseLessonInput,
  getEditableExercise,
  getSubmission,
  saveDraft,
  saveDraftInput,
  saveExercise,
  saveExerciseInput,
  submissionInput,
  submitCode,
  submitCodeInput,
  takeExercise,
} from "@lumen/core/exercise";
import { instructorProcedure, protectedProcedure, router } from "../trpc";

/**
 * Programming exercises. Editors read and write the whole exercise, hidden tests and the
 * reference solution included; learners get the samples only (`take`), send code to the
 * grader (`submit`: a submission id at once) and follow it to its verdict (`submission`).
 */
export const exerciseRouter = router({
  edit: instructorProcedure
    .input(exerciseLessonInput)
    .query(({ ctx, input }) => getEditableExercise({ ...ctx, input })),
  save: instructorProcedure
    .input(saveExerciseInput)
    .mutation(({ ctx, input }) => saveExercise({ ...ctx, input })),
  take: protectedProcedure
    .input(exerciseLessonInput)
    .query(({ ctx, input }) => takeExercise({ ...ctx, input })),
  submit: protectedProcedure
    .input(submitCodeInput)
    .mutation(({ ctx, input }) => submitCode({ ...ctx, input })),
  submission: protectedProcedure
    .input(submissionInput)
    .query(({ ctx, input }) => getSubmission({ ...ctx, input })),
  saveDraft: protectedProcedure
    .input(saveDraftInput)
    .mutation(({ ctx, input }) => saveDraft({ ...ctx, input })),
});
