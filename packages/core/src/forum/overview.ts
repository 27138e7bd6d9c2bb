import { lessons, modules } from "@lumen/db";
import { asc, eq } from "drizzle-orm";
import type { Queryable, SessionUser } from "../kernel";
import { findMute, openCourseForum } from "./access";
import type { ForumOverview } from "./types";

/** The forum's frame: its course, the viewer's standing (staff, muted) and the lessons to link. */
export async function getForumOverview({
  db,
  user,
  input,
}: {
  db: Queryable;
  user: SessionUser;
  input: { courseId: string };
}): Promise<ForumOverview> {
  const course = await openCourseForum(db, user, input.courseId);
  const [mute, lessonRows] = await Promise.all([
    course.isStaff ? null : findMute(db, user.id, course.id),
    db
      .select({ id: lessons.id, title: lessons.title })
      .from(lessons)
      .innerJoin(modules, eq(modules.id, lessons.moduleId))
      .where(eq(modules.courseId, course.id))
      .orderBy(asc(modules.position), asc(lessons.position)),
  ]);
  return {
    course: { id: course.id, slug: course.slug, title: course.title },
    viewer: {
      isStaff: course.isStaff,
      muted: mute ? { reason: mute.reason, until: mute.until?.toISOString() ?? null } : null,
    },
    lessons: lessonRows,
  };
}
