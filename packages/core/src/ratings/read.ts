import { courseRatings, courses } from "@lumen/db";
import { and, eq, sql } from "drizzle-orm";
import type { Queryable, SessionUser } from "../kernel";
import { openRatedCourse } from "./access";
import { ratingEligibility } from "./eligibility";
import type { ReviewSort } from "./inputs";
import { DEFAULT_RATING_POLICY, type RatingPolicy } from "./policy";
import type { RatingSummary, ReviewPage, ReviewView } from "./types";

const iso = (d: string | Date) => new Date(d).toISOString();

/** The course's average, count and distribution, and the viewer's own rating and standing. */
export async function getRatingSummary({
  db,
  user,
  input,
  ratings = DEFAULT_RATING_POLICY,
}: {
  db: Queryable;
  user: SessionUser | null;
  input: { courseId: string };
  ratings?: RatingPolicy | undefined;
}): Promise<RatingSummary> {
  const course = await openRatedCourse(db, user, input.courseId);
  const [totals, perStar, mine, eligibility] = await Promise.all([
    db
      .select({ average: courses.ratingAverage, count: courses.ratingCount })
      .from(courses)
      .where(eq(courses.id, course.id)),
    db
      .select({ stars: courseRatings.stars, count: sql<number>`count(*)::int` })
      .from(courseRatings)
      .where(and(eq(courseRatings.courseId, course.id), eq(courseRatings.hidden, false)))
      .groupBy(courseRatings.stars),
    user
      ? db
          .select()
          .from(courseRatings)
          .where(and(eq(courseRatings.courseId, course.id), eq(courseRatings.userId, user.id)))
      : Promise.resolve([]),
    ratingEligibility(db, user, course, ratings),
  ]);
  const byStars = new Map(perStar.map((r) => [r.stars, r.count]));
  const own = mine[0];
  return {
    courseId: course.id,
    average: totals[0]?.average ?? 0,
    count: totals[0]?.count ?? 0,
    distribution: ([5, 4, 3, 2, 1] as const).map((stars) => ({
      stars,
      count: byStars.get(stars) ?? 0,
    })),
    mine: own
      ? {
          id: own.id,
          stars: own.stars,
          title: own.title,
          body: own.body,
          hidden: own.hidden,
          updatedAt: iso(own.updatedAt),
        }
      : null,
    eligibility,
    isStaff: course.isStaff,
  };
}

const ORDER: Record<ReviewSort, ReturnType<typeof sql>> = {
  helpful: sql`r.helpful_count desc, r.created_at desc, r.id`,
  newest: sql`r.created_at desc, r.id`,
  lowest: sql`r.stars, r.created_at desc, r.id`,
};

type ReviewRow = {
  id: string;
  stars: number;
  title: string;
  body: string;
  user_id: string;
  author_name: string | null;
  created_at: string | Date;
  updated_at: string | Date;
  helpful_count: number;
  voted: boolean;
  hidden: boolean;
  hidden_reason: string | null;
  response_body: string | null;
  response_author_id: string | null;
  response_author_name: string | null;
  response_updated_at: string | Date | null;
  total: number;
};

/**
 * A page of the course's reviews, most helpful / newest / lowest first. Hidden ones are left
 * out, except for the course's staff (marked, so they can restore them) and their author.
 */
export async function listReviews({
  db,
  user,
  input,
}: {
  db: Queryable;
  user: SessionUser | null;
  input: { courseId: string; sort: ReviewSort; page: number; pageSize: number };
}): Promise<ReviewPage> {
  const course = await openRatedCourse(db, user, input.courseId);
  const viewer = user?.id ?? null;
  const visible = course.isStaff
    ? sql`true`
    : viewer
      ? sql`(not r.hidden or r.user_id = ${viewer})`
      : sql`not r.hidden`;
  const { rows } = await db.execute<ReviewRow>(sql`
    select r.id, r.stars, r.title, r.body, r.user_id, u.name as author_name, r.created_at,
      r.updated_at, r.helpful_count, r.hidden, r.hidden_reason,
      ${viewer ? sql`exists (select 1 from course_rating_votes v where v.rating_id = r.id and v.user_id = ${viewer})` : sql`false`} as voted,
      p.body as response_body, p.author_id as response_author_id, pu.name as response_author_name,
      p.updated_at as response_updated_at, count(*) over ()::int as total
    from course_ratings r
    join users u on u.id = r.user_id
    left join course_rating_responses p on p.rating_id = r.id
    left join users pu on pu.id = p.author_id
    where r.course_id = ${course.id} and ${visible}
    order by ${ORDER[input.sort]}
    limit ${input.pageSize} offset ${(input.page - 1) * input.pageSize}`);
  const total = rows[0]?.total ?? (input.page > 1 ? await countVisible(db, course.id, visible) : 0);
  return {
    items: rows.map((r) => toView(r, viewer)),
    total,
    page: input.page,
    pageSize: input.pageSize,
    pageCount: Math.max(1, Math.ceil(total / input.pageSize)),
  };
}

async function countVisible(db: Queryable, courseId: string, visible: ReturnType<typeof sql>) {
  const { rows } = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from course_ratings r where r.course_id = ${courseId} and ${visible}`,
  );
  return rows[0]?.n ?? 0;
}

function toView(r: ReviewRow, viewer: string | null): ReviewView {
  return {
    id: r.id,
    stars: r.stars,
    title: r.title,
    body: r.body,
    author: { id: r.user_id, name: r.author_name ?? "" },
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    helpfulCount: r.helpful_count,
    votedHelpful: r.voted,
    mine: r.user_id === viewer,
    hidden: r.hidden,
    hiddenReason: r.hidden ? r.hidden_reason : null,
    response:
      r.response_body !== null && r.response_updated_at !== null
        ? {
            body: r.response_body,
            author: r.response_author_id
              ? { id: r.response_author_id, name: r.response_author_name ?? "" }
              : null,
            updatedAt: iso(r.response_updated_at),
          }
        : null,
  };
}
