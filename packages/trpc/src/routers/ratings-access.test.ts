import type { SessionUser } from "@lumen/core/kernel";
import { createCourse, createRatingCourse, type RatingCast } from "@lumen/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeOf } from "../testing/authoring";
import { createTestContext, type TestContext } from "../testing/harness";

/**
 * The authorization matrix of the ratings router: every procedure, every kind of caller,
 * the outcome ("ok" or the tRPC code). Calls that would change the review under test run on
 * a review of their own, so each row is independent of the others.
 */
let t: TestContext;
let cast: RatingCast;
let author: SessionUser;
let learner: SessionUser;
let early: SessionUser;
let reviewId: string;

beforeAll(async () => {
  t = await createTestContext();
  cast = await createRatingCourse(t.db, { progress: [100, 100, 10] });
  [author, learner, early] = cast.learners as [SessionUser, SessionUser, SessionUser];
  const rated = await t
    .callerFor(author)
    .ratings.rate({ courseId: cast.course.id, stars: 4, title: "Good", body: "Solid course" });
  reviewId = rated.ratingId;
});
afterAll(() => t.close());

type Who =
  | "anonymous"
  | "outsider"
  | "early"
  | "learner"
  | "author"
  | "otherInstructor"
  | "instructor"
  | "admin";
const WHO: Who[] = [
  "anonymous",
  "outsider",
  "early",
  "learner",
  "author",
  "otherInstructor",
  "instructor",
  "admin",
];
const userOf = (who: Who): SessionUser | null =>
  ({
    anonymous: null,
    outsider: cast.outsider,
    early,
    learner,
    author,
    otherInstructor: cast.otherInstructor,
    instructor: cast.instructor,
    admin: cast.admin,
  })[who];

async function outcome(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => "ok",
    () => codeOf(promise),
  );
}

type Call = (api: ReturnType<TestContext["callerFor"]>["ratings"]) => Promise<unknown>;
const CALLS: Record<string, Call> = {
  summary: (api) => api.summary({ courseId: cast.course.id }),
  reviews: (api) => api.reviews({ courseId: cast.course.id }),
  rate: (api) => api.rate({ courseId: cast.course.id, stars: 5 }),
  prompt: (api) => api.prompt({ courseId: cast.course.id }),
  helpful: (api) => api.helpful({ ratingId: reviewId, helpful: true }),
  report: (api) => api.report({ ratingId: reviewId, reason: "Off-topic" }),
  reports: (api) => api.reports({ courseId: cast.course.id }),
  hide: (api) => api.hide({ ratingId: reviewId, hidden: false }),
  respond: (api) => api.respond({ ratingId: reviewId, body: "Thanks" }),
};

// Expected outcome per procedure and caller, in WHO's order.
const U = "UNAUTHORIZED";
const F = "FORBIDDEN";
const B = "BAD_REQUEST";
const MATRIX: Record<keyof typeof CALLS, string[]> = {
  //          anon  outsider early learner author otherInstr instructor admin
  summary: ["ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok"],
  reviews: ["ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok"],
  rate: [U, F, F, "ok", "ok", F, F, F],
  prompt: [U, "ok", "ok", "ok", "ok", "ok", "ok", "ok"],
  helpful: [U, "ok", "ok", "ok", B, "ok", "ok", "ok"],
  report: [U, "ok", "ok", "ok", B, "ok", "ok", "ok"],
  reports: [U, F, F, F, F, F, "ok", "ok"],
  hide: [U, F, F, F, F, F, "ok", "ok"],
  respond: [U, F, F, F, F, F, "ok", F],
};

describe("ratings authorization matrix", () => {
  for (const [name, call] of Object.entries(CALLS)) {
    it(`${name}: ${MATRIX[name]?.join(" ")}`, async () => {
      const got: string[] = [];
      for (const who of WHO) got.push(await outcome(call(t.callerFor(userOf(who)).ratings)));
      expect(Object.fromEntries(WHO.map((w, i) => [w, got[i]]))).toEqual(
        Object.fromEntries(WHO.map((w, i) => [w, MATRIX[name]?.[i]])),
      );
    });
  }

  it("a draft course's ratings do not exist for anyone but its staff", async () => {
    const course = await createCourse(t.db, cast.instructor, {
      status: "draft",
      publishedAt: null,
    });
    expect(await outcome(t.callerFor(null).ratings.summary({ courseId: course.id }))).toBe(
      "NOT_FOUND",
    );
    expect(await outcome(t.callerFor(learner).ratings.reviews({ courseId: course.id }))).toBe(
      "NOT_FOUND",
    );
    expect(
      await outcome(t.callerFor(cast.instructor).ratings.summary({ courseId: course.id })),
    ).toBe("ok");
  });
});
