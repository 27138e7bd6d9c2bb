import { randomUUID } from "node:crypto";
import { courseInstructors, courses, type Database, lessons, modules, users } from "@lumen/db";

/**
 * An instructor, their draft course and one video lesson, for tests and benchmarks of the
 * video pipeline. Every call makes new rows, so nothing is shared between test files.
 */
export async function insertVideoLesson(db: Database) {
  const id = randomUUID();
  const instructor = {
    id,
    name: "Ada Instructor",
    email: `${id}@test.lumen.dev`,
    role: "instructor" as const,
  };
  await db.insert(users).values(instructor);
  const [course] = await db
    .insert(courses)
    .values({
      slug: `video-${id}`,
      title: "Video course",
      category: "Computer Science",
      level: "beginner",
      language: "en",
      instructorId: id,
    })
    .returning();
  if (!course) throw new Error("course insert returned nothing");
  await db.insert(courseInstructors).values({ courseId: course.id, userId: id });
  const [mod] = await db
    .insert(modules)
    .values({ courseId: course.id, title: "Module", position: 0 })
    .returning();
  if (!mod) throw new Error("module insert returned nothing");
  const [lesson] = await db
    .insert(lessons)
    .values({ moduleId: mod.id, title: "Lecture", kind: "video", position: 0 })
    .returning();
  if (!lesson) throw new Error("lesson insert returned nothing");
  return { instructor, courseId: course.id, lessonId: lesson.id };
}
