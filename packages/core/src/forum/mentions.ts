import { courseInstructors, courses, enrollments, users } from "@lumen/db";
import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import { isActiveEnrollment } from "../enrollment";
import type { Queryable, SessionUser } from "../kernel";
import { isForumMember, isForumStaff, openCourseForum } from "./access";
import type { MentionCandidate } from "./types";

/** `@[Display Name](user:<id>)`: the one mention syntax, in bodies and in the renderer. */
const MENTION = /@\[([^\]\n]{1,100})\]\(user:([A-Za-z0-9_-]{1,64})\)/g;
/** More mentions than this in one post are left as plain text (nobody needs to ping 50). */
export const MENTIONS_MAX = 20;

/** The user ids a body mentions, in order, without repeats. */
export function mentionedIds(body: string): string[] {
  const ids = new Set<string>();
  for (const match of body.matchAll(MENTION)) {
    if (match[2]) ids.add(match[2]);
  }
  return [...ids].slice(0, MENTIONS_MAX);
}

/** A name as it may sit between the brackets of a mention. */
const mentionName = (name: string) => name.replace(/[[\]\n]/g, "").slice(0, 100) || "member";

/**
 * Keeps the mentions of course members (learners enrolled now, its instructors, admins),
 * rewritten with their real name, so a mention cannot pose as someone else; any other
 * mention becomes plain `@Name` text. Returns the body to store and who to notify.
 */
export async function resolveMentions(
  db: Queryable,
  courseId: string,
  body: string,
): Promise<{ body: string; mentioned: Array<{ id: string; name: string }> }> {
  const ids = mentionedIds(body);
  if (ids.length === 0) return { body, mentioned: [] };
  const members = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .innerJoin(courses, eq(courses.id, courseId))
    .where(and(inArray(users.id, ids), isForumMember(users.id, users.role)));
  const byId = new Map(members.map((m) => [m.id, m.name]));
  const rewritten = body.replace(MENTION, (_, shown: string, id: string) => {
    const name = byId.get(id);
    return name === undefined ? `@${shown}` : `@[${mentionName(name)}](user:${id})`;
  });
  return { body: rewritten, mentioned: members };
}

/** LIKE pattern for "starts with `prefix`", its wildcards escaped. */
const startsWith = (prefix: string) => `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Members whose name (or any word of it) starts with `prefix`, for the @-autocomplete: at
 * most 8, staff first, then by name. Read from the course's enrollments and instructors, so
 * the cost follows the course's size, not the whole user table.
 */
export async function mentionCandidates({
  db,
  user,
  input,
}: {
  db: Queryable;
  user: SessionUser;
  input: { courseId: string; prefix: string };
}): Promise<MentionCandidate[]> {
  const course = await openCourseForum(db, user, input.courseId);
  const prefix = input.prefix.replace(/^@/, "").trim();
  if (prefix.length === 0) return [];
  const pattern = startsWith(prefix.toLowerCase());
  const nameMatches = or(
    sql`lower(${users.name}) like ${pattern}`,
    sql`lower(${users.name}) like ${`% ${pattern}`}`,
  );
  const learners = db
    .select({ id: users.id })
    .from(enrollments)
    .innerJoin(users, eq(users.id, enrollments.userId))
    .where(and(isActiveEnrollment(users.id, course.id), nameMatches));
  const instructors = db
    .select({ id: users.id })
    .from(users)
    .innerJoin(courses, eq(courses.id, course.id))
    .where(
      and(
        or(
          eq(courses.instructorId, users.id),
          sql`exists (select 1 from ${courseInstructors}
            where ${courseInstructors.courseId} = ${courses.id} and ${courseInstructors.userId} = ${users.id})`,
        ),
        nameMatches,
      ),
    );
  const staff = isForumStaff(users.id, users.role);
  const rows = await db
    .select({ id: users.id, name: users.name, isStaff: staff })
    .from(users)
    .innerJoin(courses, eq(courses.id, course.id))
    .where(sql`${users.id} in (${learners} union ${instructors})`)
    .orderBy(sql`${staff} desc`, asc(users.name), asc(users.id))
    .limit(8);
  return rows;
}
