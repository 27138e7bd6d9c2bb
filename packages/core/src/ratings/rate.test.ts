import { courseRatings, courses } from "@lumen/db";
import { catalogQuerySchema } from "@lumen/shared";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, type SessionUser } from "../kernel";
import { createRatingCourse, createTestWorld, type RatingCast, type TestWorld } from "../testing";
import { dismissRatingPrompt, getRatingPrompt } from "./prompt";
import { deleteMyRating, rateCourse } from "./rate";
import { getRatingSummary } from "./read";

let world: TestWorld;
let cast: RatingCast;
let done: SessionUser;
let fifth: SessionUser;
let tenth: SessionUser;
let half: SessionUser;
beforeAll(async () => {
  world = await createTestWorld();
  cast = await createRatingCourse(world.db, { progress: [100, 20, 10, 50, 100] });
  [done, fifth, tenth, half] = cast.learners as [
    SessionUser,
    SessionUser,
    SessionUser,
    SessionUser,
  ];
});
afterAll(() => world.close());

const rate = (user: SessionUser, stars: number, extra: { title?: string; body?: string } = {}) =>
  rateCourse({
    db: world.db,
    outbox: world.outbox,
    user,
    input: { courseId: cast.course.id, stars, title: "", body: "", ...extra },
  });

async function aggregate() {
  const [row] = await world.db
    .select({ average: courses.ratingAverage, count: courses.ratingCount })
    .from(courses)
    .where(eq(courses.id, cast.course.id));
  return row;
}

describe("eligibility", () => {
  it("refuses a learner below the share (default 20 %) and says why", async () => {
    const error = await rate(tenth, 4).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForbiddenError);
    expect((error as Error).message).toBe(
      "Complete at least 20 % of this course to rate it (you have completed 10 %).",
    );
    const summary = await getRatingSummary({
      db: world.db,
      user: tenth,
      input: { courseId: cast.course.id },
    });
    expect(summary.eligibility).toMatchObject({
      eligible: false,
      reason: "too_early",
      percent: 10,
    });
  });

  it("accepts a learner at exactly the share, and the share is configurable", async () => {
    const refused = await rateCourse({
      db: world.db,
      outbox: world.outbox,
      user: fifth,
      input: { courseId: cast.course.id, stars: 3, title: "", body: "" },
      ratings: { minCompletionPercent: 30 },
    }).catch((e: Error) => e.message);
    expect(refused).toBe(
      "Complete at least 30 % of this course to rate it (you have completed 20 %).",
    );
    expect(await rate(fifth, 3)).toMatchObject({ created: true, ratingCount: 1, ratingAverage: 3 });
    await deleteMyRating({
      db: world.db,
      outbox: world.outbox,
      user: fifth,
      input: { courseId: cast.course.id },
    });
  });

  it("refuses outsiders and the course's own staff", async () => {
    for (const user of [cast.outsider, cast.instructor, cast.admin]) {
      await expect(rate(user, 5)).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect((await aggregate())?.count).toBe(0);
  });
});

describe("one rating per learner", () => {
  it("20 parallel submits leave one row and a count of 1", async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => rate(done, (i % 5) + 1)),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const [rows] = await world.db
      .select({ n: count() })
      .from(courseRatings)
      .where(eq(courseRatings.courseId, cast.course.id));
    expect(rows?.n).toBe(1);
    expect((await aggregate())?.count).toBe(1);
  });

  it("rating again edits the rating and keeps the aggregate exact; deleting removes it", async () => {
    await rate(done, 5, { title: "Great", body: "**Loved** it" });
    await rate(half, 2);
    expect(await aggregate()).toEqual({ average: 3.5, count: 2 });
    const edited = await rate(half, 4);
    expect(edited).toMatchObject({ created: false, ratingAverage: 4.5, ratingCount: 2 });
    await deleteMyRating({
      db: world.db,
      outbox: world.outbox,
      user: half,
      input: { courseId: cast.course.id },
    });
    expect(await aggregate()).toEqual({ average: 5, count: 1 });
    const summary = await getRatingSummary({
      db: world.db,
      user: done,
      input: { courseId: cast.course.id },
    });
    expect(summary.distribution).toEqual([
      { stars: 5, count: 1 },
      { stars: 4, count: 0 },
      { stars: 3, count: 0 },
      { stars: 2, count: 0 },
      { stars: 1, count: 0 },
    ]);
    expect(summary.mine).toMatchObject({ stars: 5, title: "Great", body: "**Loved** it" });
  });

  it("a rating reaches search after the indexing job runs", async () => {
    await world.search.indexCourse(cast.course.id);
    const result = await world.search.search(catalogQuerySchema.parse({ sort: "rating" }));
    const card = result.items.find((i) => i.id === cast.course.id);
    expect(card).toMatchObject({ ratingAverage: 5, ratingCount: 1 });
  });
});

describe("prompts", () => {
  it("asks once at 50 % and once at completion, and never after rating", async () => {
    const ask = (user: SessionUser) =>
      getRatingPrompt({ db: world.db, user, input: { courseId: cast.course.id } });
    const dismiss = (user: SessionUser, milestone: 50 | 100) =>
      dismissRatingPrompt({ db: world.db, user, input: { courseId: cast.course.id, milestone } });
    expect(await ask(half)).toEqual({ milestone: 50 });
    await dismiss(half, 50);
    expect(await ask(half)).toBeNull();
    expect(await ask(tenth)).toBeNull();
    const finisher = cast.learners[4] as SessionUser;
    expect(await ask(finisher)).toEqual({ milestone: 100 });
    await dismiss(finisher, 100);
    expect(await ask(finisher)).toBeNull();
    expect(await ask(done)).toBeNull(); // rated already
  });
});
