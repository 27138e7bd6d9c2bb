import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { courseLearnersInput, getCourseProgress, listCourseLearners } from "@lumen/core/progress";
import type { V1Env } from "../context";
import type { V1Deps } from "../deps";
import { validationProblem } from "../errors";
import { pageLinks } from "../pagination";
import { ProblemError } from "../problem";
import { AUTH_PROBLEMS, headers, NOT_MODIFIED, problems } from "../schemas/common";
import { CourseIdParam } from "../schemas/courses";
import { CourseLearnersPage, CourseProgressSchema, LearnersQuery } from "../schemas/progress";
import { toWire } from "../wire";
import type { Guards } from "./guards";

const myCourseProgress = (guards: Guards) =>
  createRoute({
    method: "get",
    path: "/courses/{course_id}/progress",
    tags: ["Progress"],
    operationId: "getMyCourseProgress",
    summary: "My progress in a course",
    description: "The caller's own progress, lesson by lesson; 404 when not enrolled.",
    middleware: guards.read,
    request: { params: CourseIdParam },
    responses: {
      200: {
        description: "The caller's progress.",
        headers: { ETag: headers.etag },
        content: { "application/json": { schema: CourseProgressSchema } },
      },
      ...problems(403, 404, 422, ...AUTH_PROBLEMS),
      ...NOT_MODIFIED,
    },
  });

const courseLearners = (guards: Guards) =>
  createRoute({
    method: "get",
    path: "/courses/{course_id}/learners",
    tags: ["Progress"],
    operationId: "listCourseLearners",
    summary: "A course's learners (instructors)",
    description: "Active learners with their progress, for the course's instructors and admins.",
    middleware: guards.privileged,
    request: { params: CourseIdParam, query: LearnersQuery },
    responses: {
      200: {
        description: "One page of learners.",
        headers: { Link: headers.link, ETag: headers.etag },
        content: { "application/json": { schema: CourseLearnersPage } },
      },
      ...problems(403, 404, 422, ...AUTH_PROBLEMS),
      ...NOT_MODIFIED,
    },
  });

export function courseProgressRoutes({ db, media }: Pick<V1Deps, "db" | "media">, guards: Guards) {
  return new OpenAPIHono<V1Env>()
    .openapi(myCourseProgress(guards), async (c) => {
      const { user } = c.get("principal");
      const { course_id } = c.req.valid("param");
      const progress = await getCourseProgress({ db, user, media, input: { courseId: course_id } });
      if (!progress) throw new ProblemError("not-found", "You are not enrolled in this course.");
      return c.json(toWire(CourseProgressSchema, progress), 200);
    })
    .openapi(courseLearners(guards), async (c) => {
      const { user } = c.get("principal");
      const { course_id } = c.req.valid("param");
      const { query, page, page_size } = c.req.valid("query");
      // The domain's own input rules (text tidying, bounds) decide, as on tRPC.
      const input = courseLearnersInput.safeParse({
        courseId: course_id,
        query,
        page,
        pageSize: page_size,
      });
      if (!input.success) throw validationProblem(input.error, "/query");
      const result = await listCourseLearners({ db, user, input: input.data });
      const pageCount = Math.max(1, Math.ceil(result.total / result.pageSize));
      c.header("Link", pageLinks(c.req.url, result.page, pageCount));
      const { learners, ...rest } = result;
      return c.json(toWire(CourseLearnersPage, { ...rest, items: learners, pageCount }), 200);
    });
}
