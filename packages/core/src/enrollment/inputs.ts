import { z } from "zod";

/** enroll / unenroll: the course, by id. */
export const enrollmentCourseInput = z.object({ courseId: z.uuid("courseId must be a UUID") });
export type EnrollmentCourseInput = z.output<typeof enrollmentCourseInput>;
