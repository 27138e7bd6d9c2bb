import { lessons } from "@lumen/db";
import { eq } from "drizzle-orm";
import { lockLesson } from "../access";
import { ValidationError } from "../kernel";
import { touchCourse } from "./touch";
import type { AuthoringDeps, CourseChange } from "./types";

const KINDS_WITH_BODY: ReadonlySet<string> = new Set(["text", "exercise", "assignment"]);

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
    // An exercise's or assignment's body is its prompt (what `exercise.take` and
    // `assignment.take` show learners).
    if (fields.body !== undefined && !KINDS_WITH_BODY.has(lesson.kind)) {
      const message = "Only text, exercise and assignment lessons have a body.";
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
