import { sql } from "drizzle-orm";
import type { Database } from "../client";
import { courseRatings, users } from "../schema";
import type { Random } from "./random";

/** Demo raters: learners without a password (they never sign in), one rating each per course. */
const RATERS = 60;
export const SEED_RATER_IDS = Array.from({ length: RATERS }, (_, i) => `seed-rater-${i + 1}`);

const REVIEWS = [
  [
    "Clear and practical",
    "The examples are **short and to the point**; I used them at work the next day.",
  ],
  ["Good pace", "Starts slow, then picks up. The exercises are worth doing."],
  ["Too basic for me", "Fine for beginners, but I expected more depth in the later modules."],
  ["Excellent instructor", "Explains the *why*, not just the how."],
  ["Audio could be better", "Content is solid; some videos are quiet."],
  ["", ""],
] as const;

export type PlannedRating = { rater: number; stars: number; title: string; body: string };

/**
 * A course's demo ratings: 0–40 raters around a course-specific quality, so averages and
 * counts vary like a real catalog's (some unrated, a few with one or two ratings).
 */
export function planRatings(random: Random): PlannedRating[] {
  const count = random.next() < 0.15 ? 0 : random.int(1, 40);
  const quality = 2.6 + random.next() * 2.4;
  const start = random.int(0, RATERS - 1);
  return Array.from({ length: count }, (_, i) => {
    const stars = Math.min(5, Math.max(1, Math.round(quality + (random.next() - 0.5) * 2.2)));
    const [title, body] = random.next() < 0.4 ? random.pick(REVIEWS) : ["", ""];
    return { rater: (start + i) % RATERS, stars, title, body };
  });
}

/** Inserts the raters (once) and the planned ratings, then derives each course's aggregate. */
export async function insertRatings(
  tx: Pick<Database, "insert" | "execute">,
  planned: ReadonlyArray<{ courseId: string; ratings: readonly PlannedRating[] }>,
): Promise<void> {
  await tx
    .insert(users)
    .values(
      SEED_RATER_IDS.map((id, i) => ({
        id,
        name: `Demo Learner ${i + 1}`,
        email: `${id}@demo.lumen.dev`,
        role: "learner" as const,
        emailVerified: true,
      })),
    )
    .onConflictDoNothing();
  const rows = planned.flatMap(({ courseId, ratings }) =>
    ratings.map((r) => ({
      courseId,
      userId: SEED_RATER_IDS[r.rater] ?? "seed-rater-1",
      stars: r.stars,
      title: r.title,
      body: r.body,
    })),
  );
  for (let i = 0; i < rows.length; i += 2_000) {
    await tx
      .insert(courseRatings)
      .values(rows.slice(i, i + 2_000))
      .onConflictDoNothing();
  }
  const ids = planned.map((p) => p.courseId);
  if (ids.length === 0) return;
  // The same derivation as the domain's (ADR 0032): visible ratings only, exact.
  await tx.execute(sql`
    update courses c set rating_count = s.n, rating_average = s.average
    from (select id, (select count(*)::int from course_ratings r where r.course_id = x.id and not r.hidden) as n,
        (select coalesce(avg(r.stars), 0)::real from course_ratings r
          where r.course_id = x.id and not r.hidden) as average
      from unnest(${sql.param(ids)}::uuid[]) as x(id)) s
    where c.id = s.id`);
}
