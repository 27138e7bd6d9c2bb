import { courseRatings, courses } from "@lumen/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../kernel";
import { createRatingCourse, createTestWorld, type RatingCast, type TestWorld } from "../testing";
import { setReviewHidden } from "./moderate";
import { deleteMyRating, rateCourse } from "./rate";

/**
 * Property: after any sequence of rates, edits, deletes, hides and restores — some of them
 * concurrent — the course's stored average and count equal a recomputation from a model of
 * the visible ratings. Operations are drawn from a seeded generator, so a failure replays.
 */
let world: TestWorld;
let cast: RatingCast;
beforeAll(async () => {
  world = await createTestWorld();
  cast = await createRatingCourse(world.db, { progress: [100, 90, 80, 70, 60, 50, 40, 30] });
});
afterAll(() => world.close());

function random(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

type Model = Map<string, { stars: number; hidden: boolean }>;

function expected(model: Model) {
  const visible = [...model.values()].filter((r) => !r.hidden).map((r) => r.stars);
  const sum = visible.reduce((a, b) => a + b, 0);
  return { count: visible.length, average: visible.length ? sum / visible.length : 0 };
}

describe("the course's rating aggregate", () => {
  it("always equals a recomputation from the visible ratings", async () => {
    const next = random(18);
    const model: Model = new Map();
    const learners = cast.learners as SessionUser[];
    for (let round = 0; round < 25; round += 1) {
      // A batch of 1–4 operations by distinct learners runs concurrently.
      const batch = new Set(Array.from({ length: 1 + next(4) }, () => next(learners.length)));
      await Promise.all(
        [...batch].map(async (i) => {
          const user = learners[i] as SessionUser;
          const own = model.get(user.id);
          const op = next(10);
          if (own && op < 2) {
            await deleteMyRating({
              db: world.db,
              outbox: world.outbox,
              user,
              input: { courseId: cast.course.id },
            });
            model.delete(user.id);
          } else if (own && op < 4) {
            const [row] = await world.db
              .select({ id: courseRatings.id })
              .from(courseRatings)
              .where(
                and(eq(courseRatings.courseId, cast.course.id), eq(courseRatings.userId, user.id)),
              );
            await setReviewHidden({
              db: world.db,
              outbox: world.outbox,
              user: cast.instructor,
              input: { ratingId: row?.id ?? "", hidden: !own.hidden, reason: "" },
            });
            own.hidden = !own.hidden;
          } else {
            const stars = 1 + next(5);
            await rateCourse({
              db: world.db,
              outbox: world.outbox,
              user,
              input: { courseId: cast.course.id, stars, title: "", body: "" },
            });
            model.set(user.id, { stars, hidden: own?.hidden ?? false });
          }
        }),
      );
      const [stored] = await world.db
        .select({ average: courses.ratingAverage, count: courses.ratingCount })
        .from(courses)
        .where(eq(courses.id, cast.course.id));
      const want = expected(model);
      expect(stored?.count, `count after round ${round}`).toBe(want.count);
      // A real (float4), read back as its shortest decimal: equal to 6 places.
      expect(stored?.average, `average after round ${round}`).toBeCloseTo(want.average, 6);
    }
  });
});
