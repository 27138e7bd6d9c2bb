import {
  createCourse,
  createEnrollment,
  createLesson,
  createModule,
  createUser,
} from "@lumen/db/testing";
import type { Database } from "../kernel";

/**
 * A course forum's cast: a published course of `instructor` (with a co-instructor) and two
 * lessons; `learners` enrolled learners; an admin; a learner who left the course; and an
 * outsider who never enrolled.
 */
export async function createForumCourse(db: Database, { learners = 3 } = {}) {
  const instructor = await createUser(db, "instructor", { name: "Ines Instructor" });
  const coInstructor = await createUser(db, "instructor", { name: "Colin Coteacher" });
  const admin = await createUser(db, "admin", { name: "Ada Admin" });
  const course = await createCourse(db, instructor, { coInstructors: [coInstructor] });
  const mod = await createModule(db, course.id);
  const lessonA = await createLesson(db, mod.id, { kind: "text", title: "Loops", position: 0 });
  const lessonB = await createLesson(db, mod.id, { kind: "text", title: "Files", position: 1 });
  const names = ["Lea Learner", "Mo Mentee", "Noor Novice", "Otto Owl", "Pia Pupil"];
  const enrolled = [];
  for (let i = 0; i < learners; i += 1) {
    const name = names[i] ?? `Learner ${i + 1}`;
    const learner = await createUser(db, "learner", { name });
    await createEnrollment(db, learner, course.id);
    enrolled.push(learner);
  }
  const former = await createUser(db, "learner", { name: "Fay Former" });
  await createEnrollment(db, former, course.id, { unenrolledAt: new Date() });
  const outsider = await createUser(db, "learner", { name: "Oscar Outsider" });
  const otherInstructor = await createUser(db, "instructor", { name: "Ivo Elsewhere" });
  return {
    course,
    lessons: [lessonA, lessonB],
    instructor,
    coInstructor,
    admin,
    learners: enrolled,
    former,
    outsider,
    otherInstructor,
  };
}

export type ForumCast = Awaited<ReturnType<typeof createForumCourse>>;
