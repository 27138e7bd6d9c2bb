import * as learning from "@lumen/core/learning/inputs";
import { getLessonContent } from "@lumen/core/learning/lesson-content";
import { publicProcedure, router } from "../trpc";

/** What a lesson page shows (text, PDF, kind, flags), with the same access rule as video. */
export const learningRouter = router({
  lesson: publicProcedure
    .input(learning.lessonContentInput)
    .query(({ ctx, input }) => getLessonContent({ ...ctx, input })),
});
