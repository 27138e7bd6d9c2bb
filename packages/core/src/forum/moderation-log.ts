import { forumModerationLog, users } from "@lumen/db";
import { and, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable, SessionUser } from "../kernel";
import { assertStaff, openCourseForum } from "./access";
import type { ModerationLogPage } from "./types";
import { keysetPage, parseCursor, personOf } from "./views";

const actor = alias(users, "log_actor");
const target = alias(users, "log_target");

/** The course's moderation log, newest first: who did what, to which post or user, and why. */
export async function listModerationLog({
  db,
  user,
  input,
}: {
  db: Queryable;
  user: SessionUser;
  input: { courseId: string; cursor?: string | null; limit: number };
}): Promise<ModerationLogPage> {
  const course = await openCourseForum(db, user, input.courseId);
  assertStaff(course, "read the moderation log");
  const cursor = parseCursor(input.cursor);
  const log = forumModerationLog;
  const rows = await db
    .select({
      entry: log,
      actorName: actor.name,
      targetName: target.name,
    })
    .from(log)
    .leftJoin(actor, eq(actor.id, log.actorId))
    .leftJoin(target, eq(target.id, log.targetUserId))
    .where(
      and(
        eq(log.courseId, course.id),
        cursor
          ? sql`(${log.createdAt}, ${log.id}) < (select c.created_at, c.id
              from forum_moderation_log c where c.id = ${cursor})`
          : undefined,
      ),
    )
    .orderBy(desc(log.createdAt), desc(log.id))
    .limit(input.limit + 1);
  return keysetPage(rows, input.limit, ({ entry, actorName, targetName }) => ({
    id: entry.id,
    action: entry.action,
    actor: personOf(entry.actorId, actorName),
    threadId: entry.threadId,
    replyId: entry.replyId,
    targetUser: personOf(entry.targetUserId, targetName),
    reason: entry.reason,
    createdAt: entry.createdAt.toISOString(),
  }));
}
