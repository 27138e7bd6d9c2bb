import { randomUUID } from "node:crypto";
import {
  courses,
  type Database,
  lessons,
  modules,
  type UserRole,
  users,
  videoAssets,
  videoRenditions,
} from "@lumen/db";
import { eq } from "drizzle-orm";
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

/** A video lesson (in a module of its own) of a course built by createCourse. */
export async function addVideoLesson(
  db: Database,
  courseId: string,
  overrides: Partial<typeof lessons.$inferInsert> = {},
) {
  const [mod] = await db
    .insert(modules)
    .values({ courseId, title: "Videos", position: 0 })
    .returning({ id: modules.id });
  if (!mod) throw new Error("module insert returned nothing");
  const [lesson] = await db
    .insert(lessons)
    .values({ moduleId: mod.id, title: "Watch me", kind: "video", position: 0, ...overrides })
    .returning();
  if (!lesson) throw new Error("lesson insert returned nothing");
  return { ...lesson, courseId };
}

/**
 * A video asset in whatever state a test needs, written directly (as the job runner would),
 * with its renditions. `current` makes it the lesson's video, as the runner does once the
 * first rendition is playable.
 */
export async function createVideoAsset(
  db: Database,
  lesson: { id: string; courseId: string },
  uploader: SessionUser,
  {
    current = false,
    renditions = [],
    ...overrides
  }: Partial<typeof videoAssets.$inferInsert> & {
    current?: boolean;
    renditions?: Array<Partial<typeof videoRenditions.$inferInsert> & { height: number }>;
  } = {},
) {
  const [asset] = await db
    .insert(videoAssets)
    .values({
      courseId: lesson.courseId,
      lessonId: lesson.id,
      uploadedBy: uploader.id,
      originalFilename: "talk.mp4",
      byteSize: 1_000_000,
      ...overrides,
    })
    .returning();
  if (!asset) throw new Error("video asset insert returned nothing");
  for (const r of renditions) {
    await db.insert(videoRenditions).values({
      assetId: asset.id,
      name: `${r.height}p`,
      width: Math.round((r.height * 16) / 9),
      bandwidth: r.height * 3000,
      ...r,
    });
  }
  if (current)
    await db.update(lessons).set({ videoAssetId: asset.id }).where(eq(lessons.id, lesson.id));
  return asset;
}

/** A ready rendition as an encode job leaves it: files published under a fresh path. */
export function readyRendition(height: number) {
  return {
    height,
    status: "ready" as const,
    progress: 100,
    path: `${height}p-gen${height}`,
    codecs: "avc1.64001f,mp4a.40.2",
    readyAt: new Date(),
  };
}
