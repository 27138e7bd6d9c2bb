import { courses, type Database, users } from "@lumen/db";
import type { CatalogQuery } from "@lumen/shared";
import { and, count, desc, eq, type SQL } from "drizzle-orm";
import { type CourseCard, courseCardColumns, toCourseCard } from "./course-card";

export interface CoursePage {
  items: CourseCard[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

const NEWEST = [desc(courses.publishedAt), desc(courses.id)] as const;
const ORDER = {
  // Without query text there is nothing to rank by; relevance lists newest first.
  relevance: NEWEST,
  newest: NEWEST,
  rating: [desc(courses.ratingAverage), desc(courses.id)],
  enrollments: [desc(courses.enrollmentCount), desc(courses.id)],
} as const;

export function publishedCourseFilter(
  query: Pick<CatalogQuery, "category" | "level" | "language">,
) {
  const conditions: SQL[] = [eq(courses.status, "published")];
  if (query.category) conditions.push(eq(courses.category, query.category));
  if (query.level) conditions.push(eq(courses.level, query.level));
  if (query.language) conditions.push(eq(courses.language, query.language));
  return and(...conditions);
}

/**
 * Published courses, filtered, sorted and paginated, with the total for the pager.
 * @deprecated Superseded by searchCatalog (text, facets, highlights); kept only until the
 * public REST route and the catalog benchmark switch over, then to be deleted.
 */
export async function listCourses({
  db,
  input,
}: {
  db: Database;
  input: CatalogQuery;
}): Promise<CoursePage> {
  const where = publishedCourseFilter(input);
  const [items, [totals]] = await Promise.all([
    db
      .select(courseCardColumns)
      .from(courses)
      .innerJoin(users, eq(users.id, courses.instructorId))
      .where(where)
      .orderBy(...ORDER[input.sort])
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ total: count() }).from(courses).where(where),
  ]);
  const total = totals?.total ?? 0;
  return {
    items: items.map(toCourseCard),
    total,
    page: input.page,
    pageSize: input.pageSize,
    pageCount: Math.max(1, Math.ceil(total / input.pageSize)),
  };
}
