import { courseRatingReports } from "@lumen/db";
import { and, eq, sql } from "drizzle-orm";
import {
  type Database,
  NotFoundError,
  type Queryable,
  type SessionUser,
  ValidationError,
} from "../kernel";
import { assertStaff, openRatedCourse, openReview } from "./access";
import type { ReviewReportView } from "./types";

/**
 * A signed-in user reports a review to the course's moderation queue (ADR 0032: the forum's
 * queue holds forum posts only); reporting it again while the report is open changes nothing.
 */
export async function reportReview({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: { ratingId: string; reason: string };
}): Promise<{ reportId: string }> {
  return db.transaction(async (tx) => {
    const { rating, course } = await openReview(tx, user, input.ratingId);
    if (rating.userId === user.id) throw new ValidationError("You can't report your own review.");
    const [created] = await tx
      .insert(courseRatingReports)
      .values({
        courseId: course.id,
        ratingId: rating.id,
        reporterId: user.id,
        reason: input.reason,
      })
      .onConflictDoNothing()
      .returning({ id: courseRatingReports.id });
    if (created) return { reportId: created.id };
    const [open] = await tx
      .select({ id: courseRatingReports.id })
      .from(courseRatingReports)
      .where(
        and(
          eq(courseRatingReports.reporterId, user.id),
          eq(courseRatingReports.ratingId, rating.id),
          eq(courseRatingReports.status, "open"),
        ),
      );
    if (!open) throw new Error("report neither inserted nor found");
    return { reportId: open.id };
  });
}

/** Staff close a report without hiding the review. */
export async function dismissReviewReport({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: { reportId: string };
}): Promise<{ status: "open" | "resolved" | "dismissed" }> {
  return db.transaction(async (tx) => {
    const [report] = await tx
      .select()
      .from(courseRatingReports)
      .where(eq(courseRatingReports.id, input.reportId))
      .for("update");
    if (!report) throw new NotFoundError("We couldn't find that report.");
    const course = await openRatedCourse(tx, user, report.courseId).catch(() => {
      throw new NotFoundError("We couldn't find that report.");
    });
    assertStaff(course);
    if (report.status !== "open") return { status: report.status };
    await tx
      .update(courseRatingReports)
      .set({ status: "dismissed", resolverId: user.id, resolvedAt: sql`now()` })
      .where(eq(courseRatingReports.id, report.id));
    return { status: "dismissed" as const };
  });
}

type ReportRow = {
  id: string;
  rating_id: string;
  stars: number;
  title: string;
  body: string;
  author_id: string;
  author_name: string | null;
  hidden: boolean;
  reporter_id: string | null;
  reporter_name: string | null;
  reason: string;
  status: "open" | "resolved" | "dismissed";
  created_at: string | Date;
};

/** The course's review moderation queue: open reports oldest first, or closed ones newest first. */
export async function listReviewReports({
  db,
  user,
  input,
}: {
  db: Queryable;
  user: SessionUser;
  input: { courseId: string; status: "open" | "closed"; page: number; pageSize: number };
}): Promise<{ items: ReviewReportView[]; page: number; hasMore: boolean }> {
  const course = await openRatedCourse(db, user, input.courseId);
  assertStaff(course, "see reports");
  const open = input.status === "open";
  const { rows } = await db.execute<ReportRow>(sql`
    select p.id, p.rating_id, r.stars, r.title, r.body, r.user_id as author_id,
      au.name as author_name, r.hidden, p.reporter_id, ru.name as reporter_name, p.reason,
      p.status, p.created_at
    from course_rating_reports p
    join course_ratings r on r.id = p.rating_id
    join users au on au.id = r.user_id
    left join users ru on ru.id = p.reporter_id
    where p.course_id = ${course.id}
      and ${open ? sql`p.status = 'open'` : sql`p.status <> 'open'`}
    order by p.created_at ${open ? sql`asc` : sql`desc`}, p.id
    limit ${input.pageSize + 1} offset ${(input.page - 1) * input.pageSize}`);
  return {
    page: input.page,
    hasMore: rows.length > input.pageSize,
    items: rows.slice(0, input.pageSize).map((r) => ({
      id: r.id,
      ratingId: r.rating_id,
      stars: r.stars,
      title: r.title,
      excerpt: r.body.slice(0, 280),
      reviewAuthor: { id: r.author_id, name: r.author_name ?? "" },
      reviewHidden: r.hidden,
      reporter: r.reporter_id ? { id: r.reporter_id, name: r.reporter_name ?? "" } : null,
      reason: r.reason,
      status: r.status,
      createdAt: new Date(r.created_at).toISOString(),
    })),
  };
}
