import {
  getEditableQuiz,
  quizLessonInput,
  saveQuiz,
  saveQuizInput,
  submitQuiz,
  submitQuizInput,
  takeQuiz,
} from "@lumen/core/quiz";
import { instructorProcedure, protectedProcedure, router } from "../trpc";

/**
 * Quizzes. Editors read and write the whole quiz, answers included; learners get the
 * questions without answers (`take`) and are graded on the server (`submit`).
 */
export const quizRouter = router({
  edit: instructorProcedure
    .input(quizLessonInput)
    .query(({ ctx, input }) => getEditableQuiz({ ...ctx, input })),
  save: instructorProcedure
    .input(saveQuizInput)
    .mutation(({ ctx, input }) => saveQuiz({ ...ctx, input })),
  take: protectedProcedure
    .input(quizLessonInput)
    .query(({ ctx, input }) => takeQuiz({ ...ctx, input })),
  submit: protectedProcedure.input(submitQuizInput).mutation(async ({ ctx, input }) => {
    const result = await submitQuiz({ ...ctx, input });
    if (!result.replayed) ctx.analytics?.request();
    return result;
  }),
});
