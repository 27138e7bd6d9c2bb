import {
  completeLessons,
  createCourse,
  createEnrollment,
  createLesson,
  createModule,
  createUser,
} from "@lumen/db/testing";
import type { Database } from "../kernel";

/**
 * A rated course's cast: a published course of ten required text lessons (each 10 % of it)
 * with an instructor and a co-instructor; an admin; learners enrolled with the given share
 * completed (in tens of percent: `progress: [100, 20, 10]`); an outsider who never enrolled;
 * another course's instructor.
 */
export async function createRatingCourse(
  db: Database,
  { progress = [100, 100, 100] as readonly number[] } = {},
) {
  const instructor = await createUser(db, "instructor", { name: "Ines Instructor" });
  const coInstructor = await createUser(db, "instructor", { name: "Colin Coteacher" });
  const admin = await createUser(db, "admin", { name: "Ada Admin" });
  const course = await createCourse(db, instructor, { coInstructors: [coInstructor] });
  const mod = await createModule(db, course.id);
  const lessons = [];
  for (let position = 0; position < 10; position += 1) {
    lessons.push(await createLesson(db, mod.id, { kind: "text", position }));
  }
  const learners = [];
  const enrollments = [];
  for (const [i, percent] of progress.entries()) {
    const learner = await createUser(db, "learner", { name: `Learner ${i + 1}` });
    const enrollment = await createEnrollment(db, learner, course.id);
    await completeLessons(
      db,
      enrollment.id,
      lessons.slice(0, Math.floor(percent / 10)).map((l) => l.id),
    );
    learners.push(learner);
    enrollments.push(enrollment);
  }
  const outsider = await createUser(db, "learner", { name: "Oscar Outsider" });
  const otherInstructor = await createUser(db, "instructor", { name: "Ivo Elsewhere" });
  return {
    course,
    lessons,
    instructor,
    coInstructor,
    admin,
    learners,
    enrollments,
    outsider,
    otherInstructor,
  };
}

export type RatingCast = Awaited<ReturnType<typeof createRatingCourse>>;
