import { courses, enrollments, forumMutes, forumReplies, forumThreads } from "@lumen/db";
import { and, eq, gt, isNull, or, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { isCourseInstructor, mayEditCourse } from "../access";
import { isActiveEnrollment } from "../enrollment";
import {
  ForbiddenError,
  NotFoundError,
  type Queryable,
  type SessionUser,
  type Transaction,
} from "../kernel";

export const THREAD_NOT_FOUND = "We couldn't find that thread.";
export const REPLY_NOT_FOUND = "We couldn't find that reply.";
const COURSE_NOT_FOUND = "We couldn't find that course.";
const NOT_A_MEMBER = "Enroll in this course to read and post in its forum.";

/** The course as the forum needs it, and who the viewer is there. */
export interface ForumCourse {
  id: string;
  slug: string;
  title: string;
  /** The viewer is one of its instructors, or an admin: they moderate and see hidden posts. */
  isStaff: boolean;
}

/**
 * SQL: may this user (a value or a column) read and post in the forum of course row
 * `courses`? Admins, the course's instructors and its actively enrolled learners. A learner
 * who left sees nothing until they enrol again; their posts stay (ADR 0019).
 */
export function isForumMember(userId: SQLWrapper, role: SQLWrapper): SQL<boolean> {
  return sql<boolean>`(${role} = 'admin' or (${role} = 'instructor' and ${isCourseInstructor(userId)})
    or exists (select 1 from ${enrollments} where ${isActiveEnrollment(userId, courses.id)}))`;
}

/** SQL: is this user (a column with its role column) staff of course row `courses`? */
export function isForumStaff(userId: SQLWrapper, role: SQLWrapper): SQL<boolean> {
  return sql<boolean>`(${role} = 'admin' or (${role} = 'instructor' and ${isCourseInstructor(userId)}))`;
}

/** The viewer's standing in course row `courses`, as columns of the same query. */
function viewerColumns(user: SessionUser) {
  return {
    isInstructor: isCourseInstructor(user.id),
    enrolled: sql<boolean>`exists (select 1 from ${enrollments}
      where ${isActiveEnrollment(user.id, courses.id)})`,
  };
}

function decide(
  user: SessionUser,
  row: { status: string; isInstructor: boolean; enrolled: boolean },
  notFound: string,
): boolean {
  const isStaff = mayEditCourse(user, row.isInstructor);
  if (isStaff) return true;
  if (row.status !== "published" && !row.enrolled) throw new NotFoundError(notFound);
  if (!row.enrolled) throw new ForbiddenError(NOT_A_MEMBER);
  return false;
}

/** A course forum the user may read and post in; anyone else is refused (one query). */
export async function openCourseForum(
  db: Queryable,
  user: SessionUser,
  courseId: string,
): Promise<ForumCourse> {
  const [row] = await db
    .select({
      id: courses.id,
      slug: courses.slug,
      title: courses.title,
      status: courses.status,
      ...viewerColumns(user),
    })
    .from(courses)
    .where(eq(courses.id, courseId));
  if (!row) throw new NotFoundError(COURSE_NOT_FOUND);
  const isStaff = decide(user, row, COURSE_NOT_FOUND);
  return { id: row.id, slug: row.slug, title: row.title, isStaff };
}

export type ThreadRow = typeof forumThreads.$inferSelect;

/**
 * A thread the user may see, with its course and the user's standing there. A hidden thread
 * exists only for staff and its author. `lock` takes the thread's row lock (every write to
 * a thread's replies, votes, follows or answer runs under it).
 */
export async function openThread(
  db: Queryable,
  user: SessionUser,
  threadId: string,
  { lock = false } = {},
): Promise<{ thread: ThreadRow; course: ForumCourse }> {
  const query = db
    .select({
      thread: forumThreads,
      slug: courses.slug,
      title: courses.title,
      status: courses.status,
      ...viewerColumns(user),
    })
    .from(forumThreads)
    .innerJoin(courses, eq(courses.id, forumThreads.courseId))
    .where(eq(forumThreads.id, threadId));
  const [row] = lock ? await query.for("update", { of: forumThreads }) : await query;
  if (!row) throw new NotFoundError(THREAD_NOT_FOUND);
  const isStaff = decide(user, row, THREAD_NOT_FOUND);
  if (row.thread.hidden && !isStaff && row.thread.authorId !== user.id) {
    throw new NotFoundError(THREAD_NOT_FOUND);
  }
  const course = { id: row.thread.courseId, slug: row.slug, title: row.title, isStaff };
  return { thread: row.thread, course };
}

export type ReplyRow = typeof forumReplies.$inferSelect;

/** A reply the user may see (hidden: staff and its author only), with its thread opened. */
export async function openReply(
  db: Queryable,
  user: SessionUser,
  replyId: string,
  { lock = false } = {},
): Promise<{ reply: ReplyRow; thread: ThreadRow; course: ForumCourse }> {
  const [found] = await db
    .select({ threadId: forumReplies.threadId })
    .from(forumReplies)
    .where(eq(forumReplies.id, replyId));
  if (!found) throw new NotFoundError(REPLY_NOT_FOUND);
  const { thread, course } = await openThread(db, user, found.threadId, { lock }).catch(
    (error: unknown) => {
      throw error instanceof NotFoundError ? new NotFoundError(REPLY_NOT_FOUND) : error;
    },
  );
  const [reply] = await db.select().from(forumReplies).where(eq(forumReplies.id, replyId));
  if (!reply || (reply.hidden && !course.isStaff && reply.authorId !== user.id)) {
    throw new NotFoundError(REPLY_NOT_FOUND);
  }
  return { reply, thread, course };
}

/** Staff only: anyone else is told what they may not do. */
export function assertStaff(course: ForumCourse, what = "moderate this forum") {
  if (!course.isStaff) {
    throw new ForbiddenError(`Only this course's instructors and admins can ${what}.`);
  }
}

/** The user's current posting mute in the course, if any (expired mutes no longer count). */
export async function findMute(db: Queryable, userId: string, courseId: string) {
  const [mute] = await db
    .select({ reason: forumMutes.reason, until: forumMutes.until })
    .from(forumMutes)
    .where(
      and(
        eq(forumMutes.courseId, courseId),
        eq(forumMutes.userId, userId),
        or(isNull(forumMutes.until), gt(forumMutes.until, sql`now()`)),
      ),
    );
  return mute ?? null;
}

/** Refuses a muted user, saying until when and why. Staff are never muted. */
export async function assertNotMuted(tx: Transaction, user: SessionUser, course: ForumCourse) {
  if (course.isStaff) return;
  const mute = await findMute(tx, user.id, course.id);
  if (!mute) return;
  const until = mute.until ? ` until ${mute.until.toISOString()}` : "";
  throw new ForbiddenError(
    `A moderator muted you in this course's forum${until}: ${mute.reason} You can still read it.`,
  );
}

/**
 * Whether the user may read a thread (and so follow its live events): members of its course,
 * and for a hidden thread only staff and its author. Throws NotFound/Forbidden like a read.
 */
export async function assertCanReadThread(
  db: Queryable,
  user: SessionUser,
  threadId: string,
): Promise<{ threadId: string; courseId: string }> {
  const { thread } = await openThread(db, user, threadId);
  return { threadId: thread.id, courseId: thread.courseId };
}
