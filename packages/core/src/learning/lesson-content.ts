import { type Database, lessons, modules } from "@lumen/db";
import { eq } from "drizzle-orm";
import { assertCanWatchLesson } from "../access";
import { findLessonDocument } from "../documents";
import { NotFoundError, type SessionUser } from "../kernel";
import type { LessonContent } from "./types";

/**
 * What a lesson page shows besides video: the Markdown of a text lesson, the document of a
 * PDF lesson, and the lesson's kind and flags. Who may read it is who may watch it (editors,
 * enrolled learners, anyone for a free preview).
 */
export async function getLessonContent({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser | null;
  input: { lessonId: string };
}): Promise<LessonContent> {
  await assertCanWatchLesson(db, user, input.lessonId);
  const [lesson] = await db
    .select({
      lessonId: lessons.id,
      courseId: modules.courseId,
      kind: lessons.kind,
      title: lessons.title,
      body: lessons.body,
      durationSeconds: lessons.durationSeconds,
      isOptional: lessons.isOptional,
      isPreview: lessons.isPreview,
    })
    .from(lessons)
    .innerJoin(modules, eq(modules.id, lessons.moduleId))
    .where(eq(lessons.id, input.lessonId));
  // Found by the access check a moment ago, unless deleted in between.
  if (!lesson) throw new NotFoundError("We couldn't find that lesson.");
  const found = lesson.kind === "pdf" ? await findLessonDocument(db, lesson.lessonId) : null;
  return {
    ...lesson,
    document: found
      ? {
          filename: found.filename,
          byteSize: found.byteSize,
          url: found.url,
          downloadUrl: found.downloadUrl,
        }
      : null,
  };
}
