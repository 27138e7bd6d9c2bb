import { lessons } from "@lumen/db";
import { eq } from "drizzle-orm";
import { lockLesson } from "../access";
import { ValidationError } from "../kernel";
import { touchCourse } from "./touch";
import type { AuthoringDeps, CourseChange } from "./types";

/** Lesson kinds whose Markdown body is their content. */
const BODY_KINDS: ReadonlySet<string> = new Set(["text", "exercise"]);

export async function updateLesson({
  db,
  outbox,
  user,
  input,
}: AuthoringDeps & {
  input: {
    lessonId: string;
    title?: string;
    body?: string;
    durationSeconds?: number;
    isPreview?: boolean;
    isOptional?: boolean;
  };
}): Promise<CourseChange> {
  const { lessonId, ...fields } = input;
  return db.transaction(async (tx) => {
    const { course, lesson } = await lockLesson(tx, user, lessonId);
    // Other kinds keep their content elsewhere (video, quiz…); a body there would be ignored.
    // An exercise's body is its prompt, the task learners read (exercise.take).
    if (fields.body !== undefined && !BODY_KINDS.has(lesson.kind)) {
      const message = "Only text and exercise lessons have a body.";
      throw new ValidationError(message, { body: [message] });
    }
    if (Object.values(fields).every((value) => value === undefined)) {
      return { courseId: course.id, updatedAt: course.updatedAt.toISOString() };
    }
    await tx
      .update(lessons)
      .set({ ...fields, updatedAt: new Date() })
      .where(eq(lessons.id, lessonId));
    const updatedAt = await touchCourse(tx, outbox, course.id);
    return { courseId: course.id, updatedAt: updatedAt.toISOString() };
  });
}
