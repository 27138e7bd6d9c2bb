import { sql } from "drizzle-orm";
import { ConflictError, RateLimitedError, type SessionUser, type Transaction } from "../kernel";

/** Threads and replies one person may post in a minute, across every course. */
export const POSTS_PER_MINUTE = 6;
/** The same text posted again by its author in the same course within this window is refused. */
export const DUPLICATE_WINDOW_MINUTES = 10;

/**
 * Abuse limits, checked in the posting transaction under a per-user advisory lock, so a
 * burst of parallel posts by one person is counted exactly rather than racing past the limit:
 * at most POSTS_PER_MINUTE posts a minute, and no repeat of a body (ignoring case and
 * surrounding space) they posted in the same course in the last DUPLICATE_WINDOW_MINUTES.
 */
export async function assertWithinPostingLimits(
  tx: Transaction,
  user: SessionUser,
  courseId: string,
  body: string,
) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`forum-post:${user.id}`}))`);
  const normalized = body.trim().toLowerCase();
  const { rows } = await tx.execute<{ recent: number; duplicate: boolean }>(sql`select
    (select count(*) from forum_threads
      where author_id = ${user.id} and created_at > now() - interval '1 minute')::int +
    (select count(*) from forum_replies
      where author_id = ${user.id} and created_at > now() - interval '1 minute')::int as recent,
    (exists (select 1 from forum_threads
      where author_id = ${user.id} and course_id = ${courseId} and deleted_at is null
        and created_at > now() - make_interval(mins => ${DUPLICATE_WINDOW_MINUTES})
        and lower(btrim(body)) = ${normalized})
     or exists (select 1 from forum_replies r join forum_threads t on t.id = r.thread_id
      where r.author_id = ${user.id} and t.course_id = ${courseId} and r.deleted_at is null
        and r.created_at > now() - make_interval(mins => ${DUPLICATE_WINDOW_MINUTES})
        and lower(btrim(r.body)) = ${normalized})) as duplicate`);
  const row = rows[0];
  if (row && Number(row.recent) >= POSTS_PER_MINUTE) {
    throw new RateLimitedError(
      `You're posting too fast: at most ${POSTS_PER_MINUTE} posts a minute. Wait a moment and try again.`,
    );
  }
  if (row?.duplicate) {
    throw new ConflictError(
      "You posted the same message here a few minutes ago. Edit that post instead of posting it again.",
    );
  }
}
