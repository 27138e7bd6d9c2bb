import { enrollInCourse, listMyEnrollments, unenrollFromCourse } from "@lumen/core/enrollment";
import { z } from "zod";
import { protectedProcedure, router } from "../trpc";

const courseRef = z.object({ courseId: z.uuid("courseId must be a UUID") });

export const enrollmentRouter = router({
  enroll: protectedProcedure
    .input(courseRef)
    .mutation(({ ctx, input }) => enrollInCourse({ db: ctx.db, user: ctx.user, input })),
  unenroll: protectedProcedure
    .input(courseRef)
    .mutation(({ ctx, input }) => unenrollFromCourse({ db: ctx.db, user: ctx.user, input })),
  mine: protectedProcedure.query(({ ctx }) => listMyEnrollments({ db: ctx.db, user: ctx.user })),
});
