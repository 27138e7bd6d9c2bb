import { randomUUID } from "node:crypto";
import { courses, type Database, lessons, modules, type UserRole, users } from "@lumen/db";
import type { SessionUser } from "../src/context";

/** Test rows are built per test file; nothing here is shared between files. */
export async function createUser(db: Database, role: UserRole = "learner"): Promise<SessionUser> {
  const id = randomUUID();
  const user = { id, name: `${role} ${id.slice(0, 6)}`, email: `${id}@test.lumen.dev`, role };
  await db.insert(users).values(user);
  return user;
}

let courseSeq = 0;

export async function createCourse(
  db: Database,
  instructor: SessionUser,
  overrides: Partial<typeof courses.$inferInsert> = {},
) {
  courseSeq += 1;
  const [course] = await db
    .insert(courses)
    .values({
      slug: `course-${courseSeq}-${randomUUID().slice(0, 8)}`,
      title: `Course ${courseSeq}`,
      category: "Computer Science",
      level: "beginner",
      language: "en",
      instructorId: instructor.id,
      status: "published",
      publishedAt: new Date(Date.UTC(2025, 0, courseSeq)),
      ...overrides,
    })
    .returning();
  if (!course) throw new Error("course insert returned nothing");
  return course;
}

export async function addOutline(db: Database, courseId: string, shape: number[]) {
  for (const [position, lessonCount] of shape.entries()) {
    const [mod] = await db
      .insert(modules)
      .values({ courseId, title: `Module ${position + 1}`, position })
      .returning();
    if (!mod) throw new Error("module insert returned nothing");
    for (let l = 0; l < lessonCount; l++) {
      await db.insert(lessons).values({
        moduleId: mod.id,
        title: `Lesson ${position + 1}.${l + 1}`,
        kind: "video",
        position: l,
        durationSeconds: 60,
      });
    }
  }
}
