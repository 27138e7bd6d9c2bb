import {
  assignmentReviews,
  assignmentSubmissions,
  courseMilestones,
  lessonProgress,
  notifications,
} from "@lumen/db";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConflictError } from "../kernel";
import { createFocusedReview, createTestWorld, scoresFor, type TestWorld } from "../testing";
import { closeReviewWindow } from "./close-review";
import { type ReviewLease, reviewNext } from "./review-next";
import { LEASE_EXPIRED, submitReview } from "./submit-review";
import { submitWork } from "./submit-work";

let world: TestWorld;
beforeAll(async () => {
  world = await createTestWorld();
});
afterAll(() => world.close());

const MINUTE = 60_000;

async function submissionRow(id: string | null) {
  const [row] = await world.db
    .select()
    .from(assignmentSubmissions)
    .where(eq(assignmentSubmissions.id, id ?? ""));
  if (!row) throw new Error("no submission");
  return row;
}

async function reviewRow(id: string) {
  const [row] = await world.db.select().from(assignmentReviews).where(eq(assignmentReviews.id, id));
  return row;
}

describe("a review on an expired lease", () => {
  it("is refused with LEASE_EXPIRED, writes nothing, and the same scores go in on the new lease", async () => {
    const now = new Date("2026-04-01T09:00:00Z");
    const { lessonId, reviewers, author, openAt, assignment } = await createFocusedReview(world, {
      reviewers: 3,
      settings: { reviewsNeeded: 1, leaseMinutes: 10 },
      now,
    });
    const reviewer = reviewers[0];
    if (!reviewer) throw new Error("no reviewer");
    const first = await reviewNext({
      db: world.db,
      user: reviewer.user,
      input: { lessonId },
      now: openAt,
    });
    if (!first.lease) throw new Error("no lease");
    const before = await submissionRow(author.submissionId);
    const scores = scoresFor(assignment.rubric, [4, 2]);
    const late = new Date(openAt.getTime() + 11 * MINUTE);

    const refused = submitReview({
      db: world.db,
      outbox: world.outbox,
      user: reviewer.user,
      input: { reviewId: first.lease.reviewId, scores },
      now: late,
    });
    await expect(refused).rejects.toBeInstanceOf(ConflictError);
    await expect(refused).rejects.toThrow(LEASE_EXPIRED);
    expect(await reviewRow(first.lease.reviewId)).toMatchObject({
      submittedAt: null,
      scores: null,
    });
    expect(await submissionRow(author.submissionId)).toEqual(before);

    const again = await reviewNext({
      db: world.db,
      user: reviewer.user,
      input: { lessonId },
      now: late,
    });
    expect(again).toMatchObject({
      resumed: false,
      lease: { submissionId: author.submissionId, reviewId: first.lease.reviewId },
    });
    const accepted = await submitReview({
      db: world.db,
      outbox: world.outbox,
      user: reviewer.user,
      input: { reviewId: again.lease?.reviewId ?? "", scores },
      now: late,
    });
    expect(accepted).toMatchObject({ completedGrade: true, reviewsGiven: 1 });
    expect(await submissionRow(author.submissionId)).toMatchObject({
      status: "graded",
      gradePoints: 6,
    });
  });

  it("is refused once the submission's review window closed, and nothing is written", async () => {
    const now = new Date("2026-04-01T09:00:00Z");
    const { lessonId, reviewers, author, openAt, assignment } = await createFocusedReview(world, {
      reviewers: 2,
      settings: { reviewsNeeded: 2, leaseMinutes: 60 },
      now,
    });
    const reviewer = reviewers[0];
    if (!reviewer) throw new Error("no reviewer");
    const next = await reviewNext({
      db: world.db,
      user: reviewer.user,
      input: { lessonId },
      now: openAt,
    });
    if (!next.lease) throw new Error("no lease");
    const closedAt = new Date(now.getTime() + 91 * MINUTE);
    await closeReviewWindow({
      db: world.db,
      outbox: world.outbox,
      submissionId: author.submissionId ?? "",
      now: closedAt,
    });
    await expect(
      submitReview({
        db: world.db,
        outbox: world.outbox,
        user: reviewer.user,
        input: { reviewId: next.lease.reviewId, scores: scoresFor(assignment.rubric, [4, 3]) },
        now: closedAt,
      }),
    ).rejects.toThrow(/window has closed/);
    expect(await reviewRow(next.lease.reviewId)).toMatchObject({ submittedAt: null });
    expect((await submissionRow(author.submissionId)).status).toBe("needs_staff");
  });

  it("sending the same review twice is one review; changing it afterwards is refused", async () => {
    const now = new Date("2026-04-01T09:00:00Z");
    const { lessonId, reviewers, openAt, assignment } = await createFocusedReview(world, {
      reviewers: 2,
      now,
    });
    const reviewer = reviewers[0];
    if (!reviewer) throw new Error("no reviewer");
    const next = await reviewNext({
      db: world.db,
      user: reviewer.user,
      input: { lessonId },
      now: openAt,
    });
    const input = {
      reviewId: next.lease?.reviewId ?? "",
      scores: scoresFor(assignment.rubric, [2, 2]),
    };
    const call = (scores = input.scores) =>
      submitReview({
        db: world.db,
        outbox: world.outbox,
        user: reviewer.user,
        input: { ...input, scores },
        now: openAt,
      });
    expect((await call()).reviewsGiven).toBe(1);
    expect((await call()).reviewsGiven).toBe(1);
    await expect(call(scoresFor(assignment.rubric, [0, 0]))).rejects.toThrow(/cannot be changed/);
  });
});

describe("finalisation", () => {
  it("grades exactly once by the median when the last two reviews land at the same moment", async () => {
    for (let round = 0; round < 3; round++) {
      const now = new Date("2026-04-01T09:00:00Z");
      const { lessonId, reviewers, author, openAt, assignment } = await createFocusedReview(world, {
        reviewers: 4,
        // reviewsToGive 0: the author's lesson completes the moment they pass.
        settings: { reviewsNeeded: 4, reviewsToGive: 0, passingPercent: 50 },
        now,
      });
      const given = [
        [0, 1],
        [2, 3],
        [4, 2],
        [4, 3],
      ];
      const leases: ReviewLease[] = [];
      for (const reviewer of reviewers) {
        const next = await reviewNext({
          db: world.db,
          user: reviewer.user,
          input: { lessonId },
          now: openAt,
        });
        if (!next.lease) throw new Error("no lease");
        expect(next.lease.submissionId).toBe(author.submissionId);
        leases.push(next.lease);
      }
      const submit = (i: number, at: Date) =>
        submitReview({
          db: world.db,
          outbox: world.outbox,
          user: reviewers[i]?.user ?? author.user,
          input: {
            reviewId: leases[i]?.reviewId ?? "",
            scores: scoresFor(assignment.rubric, given[i] ?? []),
          },
          now: at,
        });
      const t1 = new Date(openAt.getTime() + MINUTE);
      expect((await submit(0, t1)).completedGrade).toBe(false);
      expect((await submit(1, t1)).completedGrade).toBe(false);
      const t2 = new Date(openAt.getTime() + 2 * MINUTE);
      const last = await Promise.all([submit(2, t2), submit(3, t2)]);
      expect(last.filter((r) => r.completedGrade)).toHaveLength(1);

      const row = await submissionRow(author.submissionId);
      // Medians of four: argument (2 + 4) / 2 = 3, clarity (2 + 3) / 2 = 2.5.
      expect(row).toMatchObject({
        status: "graded",
        gradedBy: "peers",
        gradePoints: 5.5,
        maxPoints: 7,
        passed: true,
        gradedAt: t2,
      });
      expect(row.gradeScores?.map((s) => s.points)).toEqual([3, 2.5]);

      const [progress] = await world.db
        .select()
        .from(lessonProgress)
        .where(
          and(
            eq(lessonProgress.enrollmentId, author.enrollmentId),
            eq(lessonProgress.lessonId, lessonId),
          ),
        );
      expect(progress?.completedAt).not.toBeNull();
      const milestones = await world.db
        .select()
        .from(courseMilestones)
        .where(eq(courseMilestones.enrollmentId, author.enrollmentId));
      expect(milestones.map((m) => m.percent).sort((a, b) => a - b)).toEqual([25, 50, 75, 100]);
      const notes = await world.db
        .select()
        .from(notifications)
        .where(eq(notifications.userId, author.user.id));
      // Four milestones, and the grade told once however the last reviews raced.
      expect(notes.filter((n) => n.kind === "milestone")).toHaveLength(4);
      expect(notes.filter((n) => n.kind === "grade")).toHaveLength(1);
      const { rows: certificateJobs } = await world.db.execute(
        sql`select id from pgboss.job where name = 'certificates.issue'
            and data->>'enrollmentId' = ${author.enrollmentId}`,
      );
      expect(certificateJobs).toHaveLength(1);
    }
  });
  it("a revision racing the review that completes the grade is refused as locked, and the grade stands", async () => {
    for (let round = 0; round < 5; round++) {
      const now = new Date("2026-04-01T09:00:00Z");
      const { lessonId, reviewers, author, openAt, assignment } = await createFocusedReview(world, {
        reviewers: 1,
        // The author passes and owes no reviews: the grade completes their lesson at once.
        settings: { reviewsNeeded: 1, reviewsToGive: 0 },
        now,
      });
      const reviewer = reviewers[0];
      if (!reviewer) throw new Error("no reviewer");
      const next = await reviewNext({
        db: world.db,
        user: reviewer.user,
        input: { lessonId },
        now: openAt,
      });
      if (!next.lease) throw new Error("no lease");
      const [revision, review] = await Promise.allSettled([
        submitWork({
          db: world.db,
          outbox: world.outbox,
          user: author.user,
          input: { lessonId, body: "A late revision." },
          now: openAt,
        }),
        submitReview({
          db: world.db,
          outbox: world.outbox,
          user: reviewer.user,
          input: { reviewId: next.lease.reviewId, scores: scoresFor(assignment.rubric, [4, 3]) },
          now: openAt,
        }),
      ]);
      expect(revision.status).toBe("rejected");
      if (revision.status === "rejected") expect(String(revision.reason)).toMatch(/locked/);
      expect(review).toMatchObject({ status: "fulfilled", value: { completedGrade: true } });
      expect(await submissionRow(author.submissionId)).toMatchObject({
        status: "graded",
        body: expect.not.stringContaining("late revision"),
      });
    }
  });
});
