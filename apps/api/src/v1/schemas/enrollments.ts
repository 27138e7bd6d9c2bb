import { z } from "@hono/zod-openapi";
import { pageFields, pageQuery } from "../pagination";
import { timestamp } from "./common";
import { CourseCardSchema } from "./courses";

export const EnrollBody = z
  .object({ course_id: z.uuid().openapi({ description: "A published course." }) })
  .openapi("EnrollRequest");

export const EnrollmentCreated = z
  .object({ enrollment_id: z.uuid(), course_id: z.uuid() })
  .openapi("Enrollment");

export const MyEnrollmentsQuery = z.object(pageQuery({ defaultSize: 20, maxSize: 100 }));

export const MyEnrollmentsPage = z
  .object({
    items: z.array(
      z.object({
        enrollment_id: z.uuid(),
        enrolled_at: timestamp,
        completed_at: timestamp.nullable(),
        course: CourseCardSchema,
      }),
    ),
    ...pageFields,
  })
  .openapi("MyEnrollmentsPage");
