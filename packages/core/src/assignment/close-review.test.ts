import { assignmentReviews, assignmentSubmissions, lessonProgress } from "@lumen/db";
import { and, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../kernel";
import {
  createFocusedReview,
  createPeerAssignment,
  createTestWorld,
  joinPeerAssignment,
  scoresFor,
  type TestWorld,
} from "../testing";
import { closeDueReviewWindows, closeReviewWindow } from "./close-review";
import { reviewNext } from "./review-next";
import { submitReview } from "./submit-review";
import { takeAssignment } from "./take-assignment";

let world: TestWorld;
beforeAll(async () => {
  world = await createTestWorld();
});
afterAll(() => world.close());

const MINUTE = 60_000;

async function submissionsOf(lessonId: string) {
  return world.db
    .select()
    .from(assignmentSubmissions)
    .where(eq(assignmentSubmissions.lessonId, lessonId));
}

async function submittedReviews(submissionId: string | null) {
  const rows = await world.db
    .select({ id: assignmentReviews.id })
    .from(assignmentReviews)
    .where(
      and(
        eq(assignmentReviews.submissionId, submissionId ?? ""),
        isNotNull(assignmentReviews.submittedAt),
      ),
    );
  return rows.length;
}

async function lessonCompleted(enrollmentId: string, lessonId: string) {
  const [row] = await world.db
    .select({ completedAt: lessonProgress.completedAt })
    .from(lessonProgress)
    .where(
      and(eq(lessonProgress.enrollmentId, enrollmentId), eq(lessonProgress.lessonId, lessonId)),
    );
  return row?.completedAt != null;
}

/** `learner` leases the next submission and reviews it with `points`; returns its id. */
async function review(
  learner: { user: SessionUser },
  lessonId: string,
  rubric: Parameters<typeof scoresFor>[0],
  points: number[],
  now: Date,
) {
  const next = await reviewNext({ db: world.db, user: learner.user, input: { lessonId }, now });
  if (!next.lease) throw new Error(`no lease: ${next.reason}`);
  await submitReview({
    db: world.db,
    outbox: world.outbox,
    user: learner.user,
    input: { reviewId: next.lease.reviewId, scores: scoresFor(rubric, points) },
    now,
  });
  return next.lease.submissionId;
}

describe("closing due review windows", () => {
  it("grades what has reviews as peers_partial, hands the rest to staff, and leaves no submission without either", async () => {
    const now = new Date("2026-05-04T09:00:00Z");
    const { lessonId, courseId, learners, assignment } = await createPeerAssignment(world, {
      learners: 5,
      settings: { reviewWindowHours: 1, reviewsNeeded: 3, reviewsToGive: 1 },
      now,
    });
    const [a, b, c] = learners;
    if (!a || !b || !c) throw new Error("no learners");
    const t = new Date(now.getTime() + 10 * MINUTE);
    await review(a, lessonId, assignment.rubric, [4, 3], t);
    await review(b, lessonId, assignment.rubric, [2, 1], t);
    // A lease that is never submitted counts for nothing at the close.
    await reviewNext({ db: world.db, user: c.user, input: { lessonId }, now: t });
    const notYetDue = await joinPeerAssignment(world, {
      courseId,
      lessonId,
      submitAt: new Date(now.getTime() + 30 * MINUTE),
    });

    const closeAt = new Date(now.getTime() + 61 * MINUTE);
    const outcomes = await closeDueReviewWindows({
      db: world.db,
      outbox: world.outbox,
      now: closeAt,
    });
    expect(outcomes).toHaveLength(5);
    for (const row of await submissionsOf(lessonId)) {
      if (row.id === notYetDue.submissionId) {
        expect(row.status).toBe("submitted");
        continue;
      }
      const reviews = await submittedReviews(row.id);
      if (reviews >= 1) {
        expect(row).toMatchObject({
          status: "graded",
          gradedBy: "peers_partial",
          gradedAt: closeAt,
        });
      } else {
        expect(row).toMatchObject({ status: "needs_staff", gradedBy: null });
      }
    }
    expect(outcomes.filter((o) => o.outcome === "graded_partial")).toHaveLength(2);
    expect(outcomes.filter((o) => o.outcome === "needs_staff")).toHaveLength(3);
    // Nothing left to close, however often it runs.
    expect(
      await closeDueReviewWindows({ db: world.db, outbox: world.outbox, now: closeAt }),
    ).toEqual([]);
    const late = new Date(now.getTime() + 91 * MINUTE);
    await closeDueReviewWindows({ db: world.db, outbox: world.outbox, now: late });
    const statuses = (await submissionsOf(lessonId)).map((r) => r.status);
    expect(statuses.every((s) => s === "graded" || s === "needs_staff")).toBe(true);
  });

  it("under the staff policy hands a partly reviewed submission to staff, and the learner is told", async () => {
    const now = new Date("2026-05-04T09:00:00Z");
    const { lessonId, reviewers, author, openAt, assignment } = await createFocusedReview(world, {
      reviewers: 2,
      settings: { reviewsNeeded: 3, fallback: "staff" },
      now,
    });
    const reviewer = reviewers[0];
    if (!reviewer) throw new Error("no reviewer");
    await review(reviewer, lessonId, assignment.rubric, [4, 3], openAt);
    const closeAt = new Date(now.getTime() + 90 * MINUTE);
    const outcome = await closeReviewWindow({
      db: world.db,
      outbox: world.outbox,
      submissionId: author.submissionId ?? "",
      now: closeAt,
    });
    expect(outcome).toEqual({ outcome: "needs_staff" });
    const view = await takeAssignment({
      db: world.db,
      user: author.user,
      input: { lessonId },
      now: closeAt,
    });
    expect(view).toMatchObject({ stage: "needs_staff", grade: null });
  });

  it("before the deadline does nothing and says when the deadline is", async () => {
    const now = new Date("2026-05-04T09:00:00Z");
    const { learners } = await createPeerAssignment(world, {
      learners: 1,
      settings: { reviewWindowHours: 2 },
      now,
    });
    const submissionId = learners[0]?.submissionId ?? "";
    const outcome = await closeReviewWindow({
      db: world.db,
      outbox: world.outbox,
      submissionId,
      now: new Date(now.getTime() + 119 * MINUTE),
    });
    expect(outcome).toEqual({
      outcome: "not_yet",
      deadline: new Date(now.getTime() + 120 * MINUTE),
    });
    const [row] = await world.db
      .select({ status: assignmentSubmissions.status })
      .from(assignmentSubmissions)
      .where(eq(assignmentSubmissions.id, submissionId));
    expect(row?.status).toBe("submitted");
  });
});

describe("when the assignment lesson completes", () => {
  it("only once the learner passed and gave the reviews they owe", async () => {
    const now = new Date("2026-05-04T09:00:00Z");
    const { lessonId, learners, assignment } = await createPeerAssignment(world, {
      learners: 3,
      settings: { reviewsNeeded: 1, reviewsToGive: 1, passingPercent: 50 },
      now,
    });
    const [first, second] = learners;
    if (!first || !second) throw new Error("no learners");
    const t = new Date(now.getTime() + 10 * MINUTE);
    const reviewed = await review(second, lessonId, assignment.rubric, [4, 3], t);
    expect(reviewed).toBe(first.submissionId);
    // Passed, but owes a review.
    expect(await lessonCompleted(first.enrollmentId, lessonId)).toBe(false);
    await review(first, lessonId, assignment.rubric, [4, 3], t);
    expect(await lessonCompleted(first.enrollmentId, lessonId)).toBe(true);
  });

  it("once the learner passed and their own review window closed, reviews given or not", async () => {
    const now = new Date("2026-05-04T09:00:00Z");
    const { lessonId, reviewers, author, openAt, assignment } = await createFocusedReview(world, {
      reviewers: 1,
      settings: { reviewsNeeded: 1, reviewsToGive: 3, passingPercent: 50 },
      now,
    });
    const reviewer = reviewers[0];
    if (!reviewer) throw new Error("no reviewer");
    await review(reviewer, lessonId, assignment.rubric, [4, 3], openAt);
    expect(await lessonCompleted(author.enrollmentId, lessonId)).toBe(false);
    const closeAt = new Date(now.getTime() + 90 * MINUTE);
    const outcome = await closeReviewWindow({
      db: world.db,
      outbox: world.outbox,
      submissionId: author.submissionId ?? "",
      now: closeAt,
    });
    expect(outcome).toEqual({ outcome: "settled" });
    expect(await lessonCompleted(author.enrollmentId, lessonId)).toBe(true);
  });

  it("the sweep settles a passed learner whose window closed, as the job at the deadline would", async () => {
    const now = new Date("2026-05-04T09:00:00Z");
    const { lessonId, reviewers, author, openAt, assignment } = await createFocusedReview(world, {
      reviewers: 1,
      settings: { reviewsNeeded: 1, reviewsToGive: 3, passingPercent: 50 },
      now,
    });
    const reviewer = reviewers[0];
    if (!reviewer) throw new Error("no reviewer");
    await review(reviewer, lessonId, assignment.rubric, [4, 3], openAt);
    expect(await lessonCompleted(author.enrollmentId, lessonId)).toBe(false);
    const sweep = (at: Date) =>
      closeDueReviewWindows({ db: world.db, outbox: world.outbox, now: at });
    // Graded already: no window of it is closed, but its learner is settled once it is due.
    expect(await sweep(new Date(now.getTime() + 30 * MINUTE))).toEqual([]);
    expect(await lessonCompleted(author.enrollmentId, lessonId)).toBe(false);
    await sweep(new Date(now.getTime() + 90 * MINUTE));
    expect(await lessonCompleted(author.enrollmentId, lessonId)).toBe(true);
  });

  it("never for a grade that fails, whatever the window", async () => {
    const now = new Date("2026-05-04T09:00:00Z");
    const { lessonId, reviewers, author, openAt, assignment } = await createFocusedReview(world, {
      reviewers: 1,
      settings: { reviewsNeeded: 1, reviewsToGive: 0, passingPercent: 50 },
      now,
    });
    const reviewer = reviewers[0];
    if (!reviewer) throw new Error("no reviewer");
    await review(reviewer, lessonId, assignment.rubric, [0, 1], openAt);
    await closeReviewWindow({
      db: world.db,
      outbox: world.outbox,
      submissionId: author.submissionId ?? "",
      now: new Date(now.getTime() + 90 * MINUTE),
    });
    expect(await lessonCompleted(author.enrollmentId, lessonId)).toBe(false);
  });
});
