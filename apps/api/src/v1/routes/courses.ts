import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { searchCatalog } from "@lumen/core/catalog";
import { catalogQuerySchema } from "@lumen/shared";
import type { V1Env } from "../context";
import type { V1Deps } from "../deps";
import { validationProblem } from "../errors";
import { pageLinks } from "../pagination";
import { AUTH_PROBLEMS, headers, NOT_MODIFIED, problems } from "../schemas/common";
import { CourseSearchPage, CourseSearchQuery } from "../schemas/courses";
import { toWire } from "../wire";
import type { Guards } from "./guards";

const searchCourses = (guards: Guards) =>
  createRoute({
    method: "get",
    path: "/courses",
    tags: ["Courses"],
    operationId: "searchCourses",
    summary: "Search the catalog",
    description:
      "Published courses matching the text and filters, with rating, enrollment count and facet counts (each computed with the other filters applied). The edge's `GET /courses` is the cached public face of the same search.",
    middleware: guards.read,
    request: { query: CourseSearchQuery },
    responses: {
      200: {
        description: "One page of results.",
        headers: { Link: headers.link, ETag: headers.etag },
        content: { "application/json": { schema: CourseSearchPage } },
      },
      ...problems(403, 422, ...AUTH_PROBLEMS),
      ...NOT_MODIFIED,
    },
  });

export function courseRoutes({ search }: Pick<V1Deps, "search">, guards: Guards) {
  return new OpenAPIHono<V1Env>().openapi(searchCourses(guards), async (c) => {
    const q = c.req.valid("query");
    // The shared catalog contract decides what a valid search is (tRPC and the edge use it).
    const parsed = catalogQuerySchema.safeParse({
      query: q.query || undefined,
      category: q.category || undefined,
      level: q.level || undefined,
      language: q.language || undefined,
      minRating: q.min_rating,
      sort: q.sort || undefined,
      page: q.page,
      pageSize: q.page_size,
    });
    if (!parsed.success) throw validationProblem(parsed.error, "/query");
    const result = await searchCatalog({ search, input: parsed.data });
    c.header("Link", pageLinks(c.req.url, result.page, result.pageCount));
    return c.json(toWire(CourseSearchPage, result), 200);
  });
}
