import { forumReports } from "@lumen/db";
import { and, eq, sql } from "drizzle-orm";
import {
  type Database,
  NotFoundError,
  type Queryable,
  type SessionUser,
  ValidationError,
} from "../kernel";
import { assertStaff, openCourseForum } from "./access";
import type { PostRef } from "./inputs";
import { logModeration } from "./moderate";
import { openPost } from "./posts";
import type { ReportPage, ReportView } from "./types";
import { keysetPage, parseCursor, personOf } from "./views";

/** A member reports a post to the course's moderators; reporting it again changes nothing. */
export async function reportPost({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: { post: PostRef; reason: string };
}): Promise<{ reportId: string }> {
  return db.transaction(async (tx) => {
    const post = await openPost(tx, user, input.post);
    if (post.deleted)
      throw new ValidationError("This post was deleted: there is nothing to report.");
    const [created] = await tx
      .insert(forumReports)
      .values({
        courseId: post.course.id,
        threadId: post.thread.id,
        replyId: post.type === "reply" ? post.id : null,
        postId: post.id,
        reporterId: user.id,
        reason: input.reason,
      })
      .onConflictDoNothing()
      .returning({ id: forumReports.id });
    if (created) return { reportId: created.id };
    const [open] = await tx
      .select({ id: forumReports.id })
      .from(forumReports)
      .where(
        and(
          eq(forumReports.reporterId, user.id),
          eq(forumReports.postId, post.id),
          eq(forumReports.status, "open"),
        ),
      );
    if (!open) throw new Error("report neither inserted nor found");
    return { reportId: open.id };
  });
}

/** Staff close a report without acting on the post; logged. */
export async function dismissReport({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: { reportId: string; reason: string };
}): Promise<{ status: "dismissed" | "resolved" }> {
  return db.transaction(async (tx) => {
    const [report] = await tx
      .select()
      .from(forumReports)
      .where(eq(forumReports.id, input.reportId))
      .for("update");
    if (!report) throw new NotFoundError("We couldn't find that report.");
    const course = await openCourseForum(tx, user, report.courseId).catch(() => {
      throw new NotFoundError("We couldn't find that report.");
    });
    assertStaff(course);
    if (report.status !== "open") return { status: report.status };
    await tx
      .update(forumReports)
      .set({ status: "dismissed", resolverId: user.id, resolvedAt: sql`now()` })
      .where(eq(forumReports.id, report.id));
    await logModeration(tx, {
      courseId: course.id,
      actorId: user.id,
      action: "dismiss_report",
      threadId: report.threadId,
      replyId: report.replyId,
      reason: input.reason,
    });
    return { status: "dismissed" as const };
  });
}

type ReportRow = {
  id: string;
  thread_id: string;
  reply_id: string | null;
  thread_title: string;
  body: string | null;
  post_author_id: string | null;
  post_author_name: string | null;
  post_hidden: boolean;
  reporter_id: string | null;
  reporter_name: string | null;
  reason: string;
  status: "open" | "resolved" | "dismissed";
  resolver_id: string | null;
  resolver_name: string | null;
  resolved_at: string | Date | null;
  created_at: string | Date;
};

const iso = (d: string | Date) => new Date(d).toISOString();

/** The course's moderation queue (open reports, oldest first) or its closed reports (newest first). */
export async function listReports({
  db,
  user,
  input,
}: {
  db: Queryable;
  user: SessionUser;
  input: { courseId: string; status: "open" | "closed"; cursor?: string | null; limit: number };
}): Promise<ReportPage> {
  const course = await openCourseForum(db, user, input.courseId);
  assertStaff(course, "see reports");
  const cursor = parseCursor(input.cursor);
  const open = input.status === "open";
  const cmp = open ? sql`>` : sql`<`;
  const dir = open ? sql`asc` : sql`desc`;
  const { rows } = await db.execute<ReportRow>(sql`
    select r.id, r.thread_id, r.reply_id, t.title as thread_title,
      case when r.reply_id is null then (case when t.deleted_at is null then t.body end)
        else (case when p.deleted_at is null then p.body end) end as body,
      case when r.reply_id is null then t.author_id else p.author_id end as post_author_id,
      pa.name as post_author_name,
      case when r.reply_id is null then t.hidden else p.hidden end as post_hidden,
      r.reporter_id, ru.name as reporter_name, r.reason, r.status,
      r.resolver_id, su.name as resolver_name, r.resolved_at, r.created_at
    from forum_reports r
    join forum_threads t on t.id = r.thread_id
    left join forum_replies p on p.id = r.reply_id
    left join users pa on pa.id = case when r.reply_id is null then t.author_id else p.author_id end
    left join users ru on ru.id = r.reporter_id
    left join users su on su.id = r.resolver_id
    where r.course_id = ${course.id}
      and ${open ? sql`r.status = 'open'` : sql`r.status <> 'open'`}
      ${cursor ? sql`and (r.created_at, r.id) ${cmp} (select c.created_at, c.id from forum_reports c where c.id = ${cursor})` : sql``}
    order by r.created_at ${dir}, r.id ${dir}
    limit ${input.limit + 1}`);
  return keysetPage(
    rows,
    input.limit,
    (r): ReportView => ({
      id: r.id,
      post: r.reply_id ? { type: "reply", id: r.reply_id } : { type: "thread", id: r.thread_id },
      threadId: r.thread_id,
      threadTitle: r.thread_title,
      excerpt: r.body,
      postAuthor: personOf(r.post_author_id, r.post_author_name),
      postHidden: r.post_hidden,
      reporter: personOf(r.reporter_id, r.reporter_name),
      reason: r.reason,
      status: r.status,
      resolver: personOf(r.resolver_id, r.resolver_name),
      resolvedAt: r.resolved_at ? iso(r.resolved_at) : null,
      createdAt: iso(r.created_at),
    }),
  );
}
