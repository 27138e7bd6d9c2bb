import { getEditableQuiz } from "@lumen/core/quiz/get-quiz";
import * as quiz from "@lumen/core/quiz/inputs";
import { saveQuiz } from "@lumen/core/quiz/save-quiz";
import { submitQuiz } from "@lumen/core/quiz/submit-quiz";
import { takeQuiz } from "@lumen/core/quiz/take-quiz";
import { instructorProcedure, protectedProcedure, router } from "../trpc";

/**
 * Quizzes. Editors read and write the whole quiz, answers included; learners get the
 * questions without answers (`take`) and are graded on the server (`submit`).
 */
export const quizRouter = router({
  edit: instructorProcedure
    .input(quiz.quizLessonInput)
    .query(({ ctx, input }) => getEditableQuiz({ ...ctx, input })),
  save: instructorProcedure
    .input(quiz.saveQuizInput)
    .mutation(({ ctx, input }) => saveQuiz({ ...ctx, input })),
  take: protectedProcedure
    .input(quiz.quizLessonInput)
    .query(({ ctx, input }) => takeQuiz({ ...ctx, input })),
  submit: protectedProcedure
    .input(quiz.submitQuizInput)
    .mutation(({ ctx, input }) => submitQuiz({ ...ctx, input })),
});
