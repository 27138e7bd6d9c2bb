import { courses, forumMutes, users } from "@lumen/db";
import { and, asc, eq, gt, isNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { message, verbatim } from "../i18n";
import {
  type Database,
  ForbiddenError,
  NotFoundError,
  type Queryable,
  type SessionUser,
  ValidationError,
} from "../kernel";
import { createNotifications } from "../notifications";
import { assertStaff, isForumStaff, openCourseForum } from "./access";
import { logModeration } from "./moderate";
import type { MuteView } from "./types";
import { personOf } from "./views";

const forumPath = (slug: string) => `/courses/${encodeURIComponent(slug)}/forum`;

/** Mutes a user's posting in the course (until a time, or until unmuted); logged, notified. */
export async function muteUser({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: { courseId: string; userId: string; reason: string; until?: Date | null };
}): Promise<{ until: string | null }> {
  return db.transaction(async (tx) => {
    const course = await openCourseForum(tx, user, input.courseId);
    assertStaff(course);
    const until = input.until ?? null;
    if (until && until.getTime() <= Date.now()) {
      const message = "Choose a time in the future.";
      throw new ValidationError(message, { until: [message] });
    }
    const [target] = await tx
      .select({ id: users.id, staff: isForumStaff(users.id, users.role) })
      .from(users)
      .innerJoin(courses, eq(courses.id, course.id))
      .where(eq(users.id, input.userId));
    if (!target) throw new NotFoundError("We couldn't find that user.");
    if (target.staff) throw new ForbiddenError("Staff of this course can't be muted here.");
    await tx
      .insert(forumMutes)
      .values({
        courseId: course.id,
        userId: target.id,
        mutedBy: user.id,
        reason: input.reason,
        until,
      })
      .onConflictDoUpdate({
        target: [forumMutes.courseId, forumMutes.userId],
        set: { mutedBy: user.id, reason: input.reason, until, createdAt: sql`now()` },
      });
    const logId = await logModeration(tx, {
      courseId: course.id,
      actorId: user.id,
      action: "mute",
      targetUserId: target.id,
      reason: input.reason,
    });
    await createNotifications(tx, [
      {
        userId: target.id,
        kind: "forum_moderation",
        title: until
          ? message("notification.forum.muted-until", {
              course: course.title,
              until: { dateTime: until },
            })
          : message("notification.forum.muted", { course: course.title }),
        body: verbatim(input.reason),
        link: forumPath(course.slug),
        dedupeKey: `forum-moderation:${logId}`,
      },
    ]);
    return { until: until?.toISOString() ?? null };
  });
}

/** Lifts a user's mute in the course; logged. Unmuting someone not muted changes nothing. */
export async function unmuteUser({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: { courseId: string; userId: string; reason: string };
}): Promise<{ muted: false }> {
  return db.transaction(async (tx) => {
    const course = await openCourseForum(tx, user, input.courseId);
    assertStaff(course);
    const removed = await tx
      .delete(forumMutes)
      .where(and(eq(forumMutes.courseId, course.id), eq(forumMutes.userId, input.userId)))
      .returning({ userId: forumMutes.userId });
    if (removed.length > 0) {
      await logModeration(tx, {
        courseId: course.id,
        actorId: user.id,
        action: "unmute",
        targetUserId: input.userId,
        reason: input.reason,
      });
    }
    return { muted: false as const };
  });
}

const mutedUser = alias(users, "muted_user");
const muter = alias(users, "muter");

/** The course's current mutes (expired ones are left out), oldest first: staff only. */
export async function listMutes({
  db,
  user,
  input,
}: {
  db: Queryable;
  user: SessionUser;
  input: { courseId: string };
}): Promise<MuteView[]> {
  const course = await openCourseForum(db, user, input.courseId);
  assertStaff(course);
  const rows = await db
    .select({
      userId: forumMutes.userId,
      userName: mutedUser.name,
      reason: forumMutes.reason,
      until: forumMutes.until,
      mutedBy: forumMutes.mutedBy,
      muterName: muter.name,
      createdAt: forumMutes.createdAt,
    })
    .from(forumMutes)
    .innerJoin(mutedUser, eq(mutedUser.id, forumMutes.userId))
    .leftJoin(muter, eq(muter.id, forumMutes.mutedBy))
    .where(
      and(
        eq(forumMutes.courseId, course.id),
        or(isNull(forumMutes.until), gt(forumMutes.until, sql`now()`)),
      ),
    )
    .orderBy(asc(forumMutes.createdAt));
  return rows.map((r) => ({
    user: { id: r.userId, name: r.userName },
    reason: r.reason,
    until: r.until?.toISOString() ?? null,
    mutedBy: personOf(r.mutedBy, r.muterName),
    createdAt: r.createdAt.toISOString(),
  }));
}
