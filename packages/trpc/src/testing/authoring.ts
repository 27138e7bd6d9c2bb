import { DomainError, type SessionUser } from "@lumen/core/kernel";
import { courseInstructors, courses, type Database, lessons, mediaBlobs, modules } from "@lumen/db";
import { TRPCError } from "@trpc/server";
import { asc, count, eq, sql } from "drizzle-orm";
import { CODE_BY_KIND } from "../trpc";
import type { TestContext } from "./harness";

/** The tRPC code a call failed with (domain errors from direct service calls included). */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    if (error instanceof DomainError) return CODE_BY_KIND[error.kind];
    throw error;
  }
  throw new Error("expected the call to fail");
}

/** The error a call failed with, for assertions on its message and details. */
export async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

/** The catalog jobs waiting for a course, as "name slug" lines in insertion order. */
export async function jobsFor(db: Database, courseId: string): Promise<string[]> {
  const { rows } = await db.execute<{ name: string; slug: string | null }>(
    sql`select name, data->>'slug' as slug from pgboss.job
        where data->>'courseId' = ${courseId} order by created_on, name`,
  );
  return rows.map((r) => (r.slug ? `${r.name} ${r.slug}` : r.name));
}

/** A publishable course built through the router: two modules, three lessons. */
export async function buildCourse(t: TestContext, owner: SessionUser, title = "Practical Python") {
  const api = t.callerFor(owner).authoring;
  const { id: courseId, slug } = await api.createCourse({
    title,
    subtitle: "For people who automate their work",
    description: "Write small, useful programs: files, the web and data, one project at a time.",
    category: "Computer Science",
    level: "beginner",
    language: "en",
    tags: ["python"],
  });
  const first = await api.addModule({ courseId, title: "Basics" });
  const second = await api.addModule({ courseId, title: "Projects" });
  const lessonIds: string[] = [];
  for (const [moduleId, title] of [
    [first.moduleId, "Hello"],
    [first.moduleId, "Loops"],
    [second.moduleId, "Rename files"],
  ] as const) {
    const { lessonId } = await api.addLesson({ moduleId, title, kind: "text" });
    await api.updateLesson({ lessonId, body: `# ${title}\n\nSome content.` });
    lessonIds.push(lessonId);
  }
  const { updatedAt } = await api.getCourse({ courseId });
  return { courseId, slug, moduleIds: [first.moduleId, second.moduleId], lessonIds, updatedAt };
}
export type BuiltCourse = Awaited<ReturnType<typeof buildCourse>>;

/** Everything an authoring call could have written for a course; equal before and after a refusal. */
export async function courseState(db: Database, courseId: string) {
  const [course] = await db.select().from(courses).where(eq(courses.id, courseId));
  const outline = await db
    .select({ module: modules, lesson: lessons })
    .from(modules)
    .leftJoin(lessons, eq(lessons.moduleId, modules.id))
    .where(eq(modules.courseId, courseId))
    .orderBy(asc(modules.id), asc(lessons.id));
  const editors = await db
    .select({ userId: courseInstructors.userId })
    .from(courseInstructors)
    .where(eq(courseInstructors.courseId, courseId));
  const [blobs] = await db.select({ n: count() }).from(mediaBlobs);
  return { course, outline, editors, blobs: blobs?.n, jobs: await jobsFor(db, courseId) };
}

/** Positions per module, in outline order: [[0,1],[0]] means two modules, compact. */
export async function outlineOf(t: TestContext, owner: SessionUser, courseId: string) {
  const course = await t.callerFor(owner).authoring.getCourse({ courseId });
  return course.modules.map((m) => ({
    id: m.id,
    position: m.position,
    lessons: m.lessons.map((l) => ({ id: l.id, position: l.position })),
  }));
}
