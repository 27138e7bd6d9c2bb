import { courses, type Database } from "@lumen/db";
import { and, eq, like, ne, or } from "drizzle-orm";

const SLUG_BASE_MAX = 60;

/** "Intro to Café Culture!" → "intro-to-cafe-culture"; titles with no latin letters → "course". */
export function slugify(title: string): string {
  const base = title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, SLUG_BASE_MAX)
    .replace(/^-+|-+$/g, "");
  return base || "course";
}

/**
 * Gives a course a unique slug derived from its title: the base, else base-2, base-3…
 * `claim` tries to write the candidate and returns undefined if another course took it first
 * (the unique index decides races), in which case the next free candidate is tried.
 */
export async function claimUniqueSlug<T>(
  db: Database,
  title: string,
  claim: (slug: string) => Promise<T | undefined>,
  excludeCourseId?: string,
): Promise<{ slug: string; claimed: T }> {
  const base = slugify(title);
  for (let attempt = 0; attempt < 5; attempt++) {
    const taken = await db
      .select({ slug: courses.slug })
      .from(courses)
      .where(
        and(
          // The base holds only [a-z0-9-], so it is safe inside a LIKE pattern.
          or(eq(courses.slug, base), like(courses.slug, `${base}-%`)),
          excludeCourseId ? ne(courses.id, excludeCourseId) : undefined,
        ),
      );
    const used = new Set(taken.map((r) => r.slug));
    let candidate = base;
    for (let n = 2; used.has(candidate); n++) candidate = `${base}-${n}`;
    const claimed = await claim(candidate);
    if (claimed !== undefined) return { slug: candidate, claimed };
  }
  throw new Error(`could not claim a unique slug for "${base}"`);
}

/** Postgres unique_violation, whichever driver (or drizzle wrapper) reports it. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if ("code" in e && e.code === "23505") return true;
  }
  return false;
}
