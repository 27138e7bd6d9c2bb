import {
  enrollInCourse,
  enrollmentCourseInput,
  listMyEnrollments,
  unenrollFromCourse,
} from "@lumen/core/enrollment";
import { protectedProcedure, router } from "../trpc";

export const enrollmentRouter = router({
  enroll: protectedProcedure
    .input(enrollmentCourseInput)
    .mutation(({ ctx, input }) =>
      enrollInCourse({ db: ctx.db, user: ctx.user, outbox: ctx.outbox, input }),
    ),
  unenroll: protectedProcedure
    .input(enrollmentCourseInput)
    .mutation(({ ctx, input }) => unenrollFromCourse({ db: ctx.db, user: ctx.user, input })),
  mine: protectedProcedure.query(({ ctx }) => listMyEnrollments({ db: ctx.db, user: ctx.user })),
});
