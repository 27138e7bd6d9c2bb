import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { enrollInCourse, pageOfMyEnrollments } from "@lumen/core/enrollment";
import type { V1Env } from "../context";
import type { V1Deps } from "../deps";
import { pageLinks } from "../pagination";
import {
  AUTH_PROBLEMS,
  headers,
  IdempotencyHeaders,
  NOT_MODIFIED,
  problems,
  WRITE_PROBLEMS,
} from "../schemas/common";
import {
  EnrollBody,
  EnrollmentCreated,
  MyEnrollmentsPage,
  MyEnrollmentsQuery,
} from "../schemas/enrollments";
import { toWire } from "../wire";
import type { Guards } from "./guards";

const enroll = (guards: Guards) =>
  createRoute({
    method: "post",
    path: "/enrollments",
    tags: ["Enrollments"],
    operationId: "enroll",
    summary: "Enroll in a course",
    description:
      "Enrolls the caller in a published course. Idempotent: enrolling again answers 200 with the same enrollment. Send an `Idempotency-Key` to make retries replay the first answer.",
    middleware: guards.write,
    request: {
      headers: IdempotencyHeaders,
      body: { required: true, content: { "application/json": { schema: EnrollBody } } },
    },
    responses: {
      201: {
        description: "Enrolled now; `Location` is the course progress.",
        headers: { Location: headers.location },
        content: { "application/json": { schema: EnrollmentCreated } },
      },
      200: {
        description: "Already enrolled: the same enrollment.",
        content: { "application/json": { schema: EnrollmentCreated } },
      },
      ...problems(404, ...WRITE_PROBLEMS),
    },
  });

const myEnrollments = (guards: Guards) =>
  createRoute({
    method: "get",
    path: "/enrollments",
    tags: ["Enrollments"],
    operationId: "listMyEnrollments",
    summary: "My enrollments",
    description: "The caller's active enrollments, most recent first.",
    middleware: guards.read,
    request: { query: MyEnrollmentsQuery },
    responses: {
      200: {
        description: "One page of enrollments.",
        headers: { Link: headers.link, ETag: headers.etag },
        content: { "application/json": { schema: MyEnrollmentsPage } },
      },
      ...problems(403, 422, ...AUTH_PROBLEMS),
      ...NOT_MODIFIED,
    },
  });

export function enrollmentRoutes({ db, outbox }: Pick<V1Deps, "db" | "outbox">, guards: Guards) {
  return new OpenAPIHono<V1Env>()
    .openapi(enroll(guards), async (c) => {
      const { user } = c.get("principal");
      const { course_id } = c.req.valid("json");
      const { enrollmentId, created } = await enrollInCourse({
        db,
        outbox,
        user,
        input: { courseId: course_id },
      });
      const body = { enrollment_id: enrollmentId, course_id };
      if (!created) return c.json(body, 200);
      // The enrollment's state lives at the course's progress (there is no other view of it).
      c.header("Location", `/api/v1/courses/${course_id}/progress`);
      return c.json(body, 201);
    })
    .openapi(myEnrollments(guards), async (c) => {
      const { user } = c.get("principal");
      const { page, page_size } = c.req.valid("query");
      const result = await pageOfMyEnrollments({ db, user, input: { page, pageSize: page_size } });
      c.header("Link", pageLinks(c.req.url, result.page, result.pageCount));
      return c.json(toWire(MyEnrollmentsPage, result), 200);
    });
}
