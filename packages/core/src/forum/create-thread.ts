import { forumThreads, lessons, modules } from "@lumen/db";
import { and, eq } from "drizzle-orm";
import { type Database, NotFoundError, type SessionUser, ValidationError } from "../kernel";
import { assertNotMuted, openCourseForum } from "./access";
import type { CreateThreadInput } from "./inputs";
import { assertWithinPostingLimits } from "./limits";
import { resolveMentions } from "./mentions";
import { notifyThreadMentions } from "./notify";
import { autoFollow } from "./post-reply";

/**
 * Starts a thread (a discussion or a question, optionally about one of the course's
 * lessons): membership, mute and abuse checks, mentions kept for members and notified, and
 * the author follows it.
 */
export async function createThread({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: CreateThreadInput;
}): Promise<{ threadId: string }> {
  return db.transaction(async (tx) => {
    const course = await openCourseForum(tx, user, input.courseId);
    await assertNotMuted(tx, user, course);
    if (input.lessonId) {
      const [lesson] = await tx
        .select({ id: lessons.id })
        .from(lessons)
        .innerJoin(modules, eq(modules.id, lessons.moduleId))
        .where(and(eq(lessons.id, input.lessonId), eq(modules.courseId, course.id)));
      if (!lesson) {
        const message = "That lesson is not part of this course.";
        throw new ValidationError(message, { lessonId: [message] });
      }
    }
    await assertWithinPostingLimits(tx, user, course.id, input.body);
    const { body, mentioned } = await resolveMentions(tx, course.id, input.body);
    const [thread] = await tx
      .insert(forumThreads)
      .values({
        courseId: course.id,
        lessonId: input.lessonId ?? null,
        authorId: user.id,
        kind: input.kind,
        title: input.title,
        body,
      })
      .returning({ id: forumThreads.id });
    if (!thread) throw new NotFoundError("The thread could not be saved.");
    await autoFollow(tx, thread.id, user.id);
    await notifyThreadMentions(tx, {
      threadId: thread.id,
      title: input.title,
      courseSlug: course.slug,
      body,
      actor: user,
      mentioned,
    });
    return { threadId: thread.id };
  });
}
