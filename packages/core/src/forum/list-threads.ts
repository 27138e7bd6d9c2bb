import { forumThreads, lessons, modules } from "@lumen/db";
import { desc, eq, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { NotFoundError, type Queryable, type SessionUser } from "../kernel";
import { type ForumCourse, openCourseForum } from "./access";
import type { LessonThreadsInput, ListThreadsInput } from "./inputs";
import type { ThreadPage, ThreadSort } from "./types";
import { keysetPage, parseCursor, toThreadSummary, visibleThreads } from "./views";

type SortKey = "pinned" | "createdAt" | "lastActivityAt" | "score" | "id";

/** Each sort's order, pinned threads first; each matches one index walked backwards. */
const ORDER: Record<ThreadSort, SortKey[]> = {
  new: ["pinned", "createdAt", "id"],
  unanswered: ["pinned", "createdAt", "id"],
  active: ["pinned", "lastActivityAt", "id"],
  top: ["pinned", "score", "createdAt", "id"],
};
const LESSON_ORDER: SortKey[] = ["createdAt", "id"];

const cursorThread = alias(forumThreads, "cursor_thread");

/** SQL: after the cursor's thread in this order (compared in Postgres: microseconds kept). */
function after(keys: SortKey[], cursorId: string, courseId: string): SQL {
  const ours = sql.join(
    keys.map((k) => forumThreads[k]),
    sql`, `,
  );
  const theirs = sql.join(
    keys.map((k) => cursorThread[k]),
    sql`, `,
  );
  return sql`(${ours}) < (select ${theirs} from forum_threads cursor_thread
    where ${cursorThread.id} = ${cursorId} and ${cursorThread.courseId} = ${courseId})`;
}

/** One page of a course's threads the viewer may see, by sort, kind and lesson. */
export async function listThreads({
  db,
  user,
  input,
}: {
  db: Queryable;
  user: SessionUser;
  input: ListThreadsInput;
}): Promise<ThreadPage> {
  const course = await openCourseForum(db, user, input.courseId);
  return threadPage(db, user, course, input, ORDER[input.sort]);
}

async function threadPage(
  db: Queryable,
  user: SessionUser,
  course: ForumCourse,
  input: Omit<ListThreadsInput, "courseId" | "sort"> & { sort?: ThreadSort },
  keys: SortKey[],
): Promise<ThreadPage> {
  const cursor = parseCursor(input.cursor);
  const rows = await visibleThreads(
    db,
    user,
    course,
    input.kind ? eq(forumThreads.kind, input.kind) : undefined,
    input.lessonId ? eq(forumThreads.lessonId, input.lessonId) : undefined,
    input.sort === "unanswered" ? sql`${forumThreads.replyCount} = 0` : undefined,
    cursor ? after(keys, cursor, course.id) : undefined,
  )
    .orderBy(...keys.map((k) => desc(forumThreads[k])))
    .limit(input.limit + 1);
  return keysetPage(rows, input.limit, (row) => toThreadSummary(row, user, course));
}

/** A lesson's threads, newest first (the lesson page's "Questions about this lesson"). */
export async function listLessonThreads({
  db,
  user,
  input,
}: {
  db: Queryable;
  user: SessionUser;
  input: LessonThreadsInput;
}): Promise<ThreadPage> {
  const [lesson] = await db
    .select({ courseId: modules.courseId })
    .from(lessons)
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .where(eq(lessons.id, input.lessonId));
  if (!lesson) throw new NotFoundError("We couldn't find that lesson.");
  const course = await openCourseForum(db, user, lesson.courseId);
  return threadPage(db, user, course, input, LESSON_ORDER);
}
