import { getLessonContent, lessonContentInput } from "@lumen/core/learning";
import { publicProcedure, router } from "../trpc";

/** What a lesson page shows (text, PDF, kind, flags), with the same access rule as video. */
export const learningRouter = router({
  lesson: publicProcedure
    .input(lessonContentInput)
    .query(({ ctx, input }) => getLessonContent({ ...ctx, input })),
});
