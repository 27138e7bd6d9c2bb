import { hashPassword } from "better-auth/crypto";
import { inArray } from "drizzle-orm";
import type { Database } from "../client";
import { accounts, courseInstructors, courses, lessons, modules, users } from "../schema";
import {
  CATEGORIES,
  LANGUAGES,
  LESSON_KINDS,
  LEVELS,
  TITLE_PATTERNS,
  TOPICS,
} from "./catalog-data";
import { createRandom, type Random } from "./random";
import { insertRatings, planRatings } from "./ratings";
import { DEMO_USERS, type SeedUser } from "./users";

export {
  ACTIVITY_COURSE_SLUG,
  type ActivityOptions,
  type ActivityResult,
  seedDemoActivity,
} from "./activity";
export { DEMO_USERS, type SeedUser } from "./users";

export interface SeedOptions {
  /** Published courses to create (default 600). */
  courses?: number;
  seed?: number;
  /** Accounts to add besides the demo users (browser tests that need a cohort of learners). */
  extraUsers?: ReadonlyArray<SeedUser>;
}

export interface SeedResult {
  usersCreated: number;
  coursesCreated: number;
}

const BATCH = 200;

/**
 * Deterministic, idempotent demo data: the same options always produce the same rows, and
 * running it again inserts nothing (users by email, courses by slug).
 */
export async function seed(db: Database, options: SeedOptions = {}): Promise<SeedResult> {
  const total = options.courses ?? 600;
  const random = createRandom(options.seed ?? 20261121);
  const usersCreated = await seedUsers(db, [...DEMO_USERS, ...(options.extraUsers ?? [])]);
  const instructorId = DEMO_USERS.find((u) => u.role === "instructor")?.id ?? "seed-instructor";
  const planned = Array.from({ length: total }, (_, i) => planCourse(random, i, instructorId));

  let coursesCreated = 0;
  for (let i = 0; i < planned.length; i += BATCH) {
    const batch = planned.slice(i, i + BATCH);
    await db.transaction(async (tx) => {
      const inserted = await tx
        .insert(courses)
        .values(batch.map((p) => p.course))
        .onConflictDoNothing({ target: courses.slug })
        .returning({ id: courses.id, slug: courses.slug });
      coursesCreated += inserted.length;
      if (inserted.length === 0) return;
      await tx
        .insert(courseInstructors)
        .values(inserted.map(({ id }) => ({ courseId: id, userId: instructorId })));
      const bySlug = new Map(batch.map((p) => [p.course.slug, p]));
      const moduleRows = inserted.flatMap(({ id, slug }) =>
        (bySlug.get(slug)?.modules ?? []).map((m, position) => ({
          courseId: id,
          title: m.title,
          position,
        })),
      );
      const createdModules = await tx.insert(modules).values(moduleRows).returning();
      const slugOf = new Map(inserted.map((c) => [c.id, c.slug]));
      const lessonRows = createdModules.flatMap((m) => {
        const plan = bySlug.get(slugOf.get(m.courseId) ?? "")?.modules[m.position];
        return (plan?.lessons ?? []).map((l, position) => ({ ...l, moduleId: m.id, position }));
      });
      await tx.insert(lessons).values(lessonRows);
      await insertRatings(
        tx,
        inserted.map(({ id, slug }) => ({
          courseId: id,
          ratings: bySlug.get(slug)?.ratings ?? [],
        })),
      );
    });
  }
  return { usersCreated, coursesCreated };
}

async function seedUsers(db: Database, wanted: ReadonlyArray<SeedUser>): Promise<number> {
  const existing = await db
    .select({ email: users.email })
    .from(users)
    .where(
      inArray(
        users.email,
        wanted.map((u) => u.email),
      ),
    );
  const have = new Set(existing.map((u) => u.email));
  const missing = wanted.filter((u) => !have.has(u.email));
  for (const u of missing) {
    const password = await hashPassword(u.password);
    await db.transaction(async (tx) => {
      await tx
        .insert(users)
        .values({ id: u.id, name: u.name, email: u.email, role: u.role, emailVerified: true });
      await tx.insert(accounts).values({
        id: `${u.id}-credential`,
        accountId: u.id,
        providerId: "credential",
        userId: u.id,
        password,
      });
    });
  }
  return missing.length;
}

function planCourse(random: Random, index: number, instructorId: string) {
  const category = CATEGORIES[index % CATEGORIES.length] ?? "Computer Science";
  const topic = random.pick(TOPICS[category]);
  const title = random.pick(TITLE_PATTERNS).replace("{t}", topic);
  const level = random.pick(LEVELS);
  const language = index % 3 === 0 ? random.pick(LANGUAGES) : "en";
  const slug = `${slugify(title)}-${index + 1}`;
  const publishedAt = new Date(Date.UTC(2024, 0, 1) + index * 3_600_000 * 13);
  const moduleCount = random.int(2, 4);
  return {
    course: {
      slug,
      title,
      subtitle: `${level === "beginner" ? "A" : "An"} ${level} course on ${topic.toLowerCase()} in ${category.toLowerCase()}`,
      description: `Learn ${topic} step by step. This ${level} course covers the core ideas of ${topic}, worked examples and practice, so you can apply ${topic} in real projects.`,
      category,
      level,
      language,
      tags: [topic.toLowerCase(), category.toLowerCase(), level],
      instructorId,
      // Derived from the rating rows below (insertRatings), as the domain derives it.
      ratingAverage: 0,
      ratingCount: 0,
      enrollmentCount: 0,
      status: "published" as const,
      publishedAt,
      createdAt: publishedAt,
      updatedAt: publishedAt,
    },
    ratings: planRatings(random),
    modules: Array.from({ length: moduleCount }, (_, m) => ({
      title: `Module ${m + 1}: ${random.pick(["Getting started", "Core concepts", "Going deeper", "Practice", "Projects", "Review"])}`,
      lessons: Array.from({ length: random.int(2, 5) }, (_, l) => ({
        title: `${topic} — part ${m + 1}.${l + 1}`,
        kind: random.pick(LESSON_KINDS),
        durationSeconds: random.int(3, 20) * 60,
      })),
    })),
  };
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** The seed's own vocabularies (packages/db imports no workspace package); tested against @lumen/shared. */
export { CATEGORIES as SEED_CATEGORIES, LANGUAGES as SEED_LANGUAGES } from "./catalog-data";
