import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, type SessionUser, ValidationError } from "../kernel";
import { createRatingCourse, createTestWorld, type RatingCast, type TestWorld } from "../testing";
import { respondToReview, setReviewHidden } from "./moderate";
import { rateCourse } from "./rate";
import { getRatingSummary, listReviews } from "./read";
import { dismissReviewReport, listReviewReports, reportReview } from "./reports";
import { markReviewHelpful } from "./vote";

let world: TestWorld;
let cast: RatingCast;
let ann: SessionUser;
let ben: SessionUser;
let cat: SessionUser;
let annReview: string;
let benReview: string;
beforeAll(async () => {
  world = await createTestWorld();
  cast = await createRatingCourse(world.db, { progress: [100, 100, 100] });
  [ann, ben, cat] = cast.learners as [SessionUser, SessionUser, SessionUser];
  const rate = (user: SessionUser, stars: number, title: string) =>
    rateCourse({
      db: world.db,
      outbox: world.outbox,
      user,
      input: { courseId: cast.course.id, stars, title, body: `${title} — details` },
    });
  annReview = (await rate(ann, 5, "Superb")).ratingId;
  benReview = (await rate(ben, 1, "Spam spam")).ratingId;
});
afterAll(() => world.close());

const list = (user: SessionUser | null, sort: "helpful" | "newest" | "lowest" = "helpful") =>
  listReviews({
    db: world.db,
    user,
    input: { courseId: cast.course.id, sort, page: 1, pageSize: 10 },
  });

describe("helpful votes", () => {
  it("count one vote per user, even 20 at once, and sort the most helpful first", async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        markReviewHelpful({
          db: world.db,
          user: cat,
          input: { ratingId: annReview, helpful: true },
        }),
      ),
    );
    expect(results.at(-1)?.votedHelpful).toBe(true);
    const page = await list(cat);
    expect(page.items.map((r) => [r.title, r.helpfulCount, r.votedHelpful])).toEqual([
      ["Superb", 1, true],
      ["Spam spam", 0, false],
    ]);
    expect((await list(null, "lowest")).items.map((r) => r.stars)).toEqual([1, 5]);
  });

  it("refuses a vote on one's own review", async () => {
    await expect(
      markReviewHelpful({ db: world.db, user: ann, input: { ratingId: annReview, helpful: true } }),
    ).rejects.toBeInstanceOf(ValidationError);
  });
});

describe("reports and moderation", () => {
  it("a report lands in the course's queue; hiding resolves it and drops the rating", async () => {
    await reportReview({ db: world.db, user: ann, input: { ratingId: benReview, reason: "spam" } });
    await reportReview({
      db: world.db,
      user: ann,
      input: { ratingId: benReview, reason: "again" },
    });
    const queue = await listReviewReports({
      db: world.db,
      user: cast.coInstructor,
      input: { courseId: cast.course.id, status: "open", page: 1, pageSize: 20 },
    });
    expect(queue.items.map((r) => [r.title, r.reason, r.reporter?.name])).toEqual([
      ["Spam spam", "spam", "Learner 1"],
    ]);
    const hidden = await setReviewHidden({
      db: world.db,
      outbox: world.outbox,
      user: cast.instructor,
      input: { ratingId: benReview, hidden: true, reason: "Spam" },
    });
    expect(hidden).toMatchObject({ ratingAverage: 5, ratingCount: 1 });
    expect((await list(cat)).items.map((r) => r.title)).toEqual(["Superb"]);
    expect((await list(ben)).items.map((r) => [r.title, r.hidden])).toContainEqual([
      "Spam spam",
      true,
    ]);
    expect((await list(cast.admin)).items).toHaveLength(2);
    const closed = await listReviewReports({
      db: world.db,
      user: cast.admin,
      input: { courseId: cast.course.id, status: "closed", page: 1, pageSize: 20 },
    });
    expect(closed.items.map((r) => r.status)).toEqual(["resolved"]);
  });

  it("restoring brings the rating back into the list and the aggregate", async () => {
    await setReviewHidden({
      db: world.db,
      outbox: world.outbox,
      user: cast.admin,
      input: { ratingId: benReview, hidden: false, reason: "" },
    });
    const summary = await getRatingSummary({
      db: world.db,
      user: null,
      input: { courseId: cast.course.id },
    });
    expect([summary.average, summary.count]).toEqual([3, 2]);
  });

  it("staff dismiss a report without hiding; learners and other instructors cannot moderate", async () => {
    const { reportId } = await reportReview({
      db: world.db,
      user: cat,
      input: { ratingId: annReview, reason: "I disagree" },
    });
    for (const user of [ben, cast.otherInstructor]) {
      await expect(
        setReviewHidden({
          db: world.db,
          outbox: world.outbox,
          user,
          input: { ratingId: annReview, hidden: true, reason: "" },
        }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      await expect(
        dismissReviewReport({ db: world.db, user, input: { reportId } }),
      ).rejects.toThrow();
    }
    expect(
      await dismissReviewReport({ db: world.db, user: cast.instructor, input: { reportId } }),
    ).toEqual({ status: "dismissed" });
  });
});

describe("instructor responses", () => {
  it("one public response per review: responding again edits it", async () => {
    await respondToReview({
      db: world.db,
      user: cast.instructor,
      input: { ratingId: annReview, body: "Thank you!" },
    });
    await respondToReview({
      db: world.db,
      user: cast.coInstructor,
      input: { ratingId: annReview, body: "Thanks, Ann." },
    });
    const review = (await list(null)).items.find((r) => r.id === annReview);
    expect(review?.response).toMatchObject({
      body: "Thanks, Ann.",
      author: { name: "Colin Coteacher" },
    });
  });

  it("learners, admins and other instructors cannot respond", async () => {
    for (const user of [ann, cast.admin, cast.otherInstructor]) {
      await expect(
        respondToReview({ db: world.db, user, input: { ratingId: benReview, body: "Hi" } }),
      ).rejects.toBeInstanceOf(ForbiddenError);
    }
  });
});
