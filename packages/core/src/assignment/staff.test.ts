import { notifications } from "@lumen/db";
import { createUser } from "@lumen/db/testing";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NotFoundError } from "../kernel";
import {
  createFocusedReview,
  createPeerAssignment,
  createTestWorld,
  scoresFor,
  type TestWorld,
} from "../testing";
import { getBacklog, getSubmissionForStaff } from "./backlog";
import { closeReviewWindow } from "./close-review";
import { flagReview } from "./flag-review";
import { reviewNext } from "./review-next";
import { gradeAsStaff, keepFlaggedReview } from "./staff-grade";
import { submitReview } from "./submit-review";
import { takeAssignment } from "./take-assignment";

let world: TestWorld;
beforeAll(async () => {
  world = await createTestWorld();
});
afterAll(() => world.close());

const MINUTE = 60_000;

/** The learner's grade notifications, oldest first: title and link. */
async function gradeNotes(userId: string) {
  return world.db
    .select({ title: notifications.title, link: notifications.link })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, "grade")))
    .orderBy(asc(notifications.createdAt), asc(notifications.title));
}

/** The author's submission graded by three reviewers: (4,3), (2,2), (0,1) → median 2 + 2. */
async function gradedByPeers() {
  const now = new Date("2026-07-01T09:00:00Z");
  const focused = await createFocusedReview(world, {
    reviewers: 3,
    settings: { reviewsNeeded: 3, reviewsToGive: 0, passingPercent: 50 },
    now,
  });
  const { lessonId, reviewers, openAt, assignment } = focused;
  const given = [
    [4, 3],
    [2, 2],
    [0, 1],
  ];
  for (const [i, reviewer] of reviewers.entries()) {
    const next = await reviewNext({
      db: world.db,
      user: reviewer.user,
      input: { lessonId },
      now: openAt,
    });
    if (!next.lease) throw new Error(`no lease: ${next.reason}`);
    await submitReview({
      db: world.db,
      outbox: world.outbox,
      user: reviewer.user,
      input: {
        reviewId: next.lease.reviewId,
        scores: scoresFor(assignment.rubric, given[i] ?? []),
      },
      now: openAt,
    });
  }
  const view = await takeAssignment({
    db: world.db,
    user: focused.author.user,
    input: { lessonId },
    now: openAt,
  });
  return { ...focused, view };
}

describe("flags, the backlog and staff grades", () => {
  it("a flagged review shows in the backlog; keeping it resolves the flag and keeps the grade", async () => {
    const { lessonId, author, instructor, view, openAt } = await gradedByPeers();
    expect(view.grade).toMatchObject({ points: 4, gradedBy: "peers" });
    const third = view.reviews[2];
    if (!third) throw new Error("no third review");
    await flagReview({
      db: world.db,
      user: author.user,
      input: { reviewId: third.reviewId, reason: "They did not read the second half." },
      now: openAt,
    });
    const backlog = await getBacklog({
      db: world.db,
      user: instructor,
      input: { lessonId },
      now: openAt,
    });
    expect(backlog.counts.flagged).toBe(1);
    expect(backlog.submissions.find((s) => s.id === author.submissionId)).toMatchObject({
      state: "flagged",
      openFlags: 1,
      reviewsDone: 3,
      gradedBy: "peers",
    });
    expect(backlog.flagged).toEqual([
      expect.objectContaining({
        reviewId: third.reviewId,
        submissionId: author.submissionId,
        authorName: "The Author",
        reason: "They did not read the second half.",
        resolution: null,
      }),
    ]);

    await keepFlaggedReview({
      db: world.db,
      user: instructor,
      input: { reviewId: third.reviewId },
    });
    const after = await getBacklog({
      db: world.db,
      user: instructor,
      input: { lessonId },
      now: openAt,
    });
    expect(after.counts.flagged).toBe(0);
    expect(after.flagged[0]?.resolution).toBe("kept");
    const mine = await takeAssignment({
      db: world.db,
      user: author.user,
      input: { lessonId },
      now: openAt,
    });
    expect(mine.grade).toMatchObject({ points: 4, gradedBy: "peers" });
    expect(mine.reviews[2]).toMatchObject({ flagged: true, flagResolution: "kept" });
    // The learner heard of the peer grade, then of the kept flag (once, however often kept).
    await keepFlaggedReview({
      db: world.db,
      user: instructor,
      input: { reviewId: third.reviewId },
    });
    const notes = await gradeNotes(author.user.id);
    expect(notes.map((n) => n.title)).toEqual([
      expect.stringMatching(/” was graded: 57%$/),
      expect.stringMatching(/^Staff reviewed your flag on “/),
    ]);
    expect(notes[0]?.link).toMatch(new RegExp(`/lessons/${lessonId}$`));
  });

  it("an override replaces the peer grade, says so to the learner with the note, and resolves open flags", async () => {
    const { lessonId, author, instructor, view, openAt, assignment } = await gradedByPeers();
    const first = view.reviews[0];
    if (!first) throw new Error("no review");
    await flagReview({
      db: world.db,
      user: author.user,
      input: { reviewId: first.reviewId, reason: "Too generous and too vague." },
      now: openAt,
    });
    const result = await gradeAsStaff({
      db: world.db,
      user: instructor,
      outbox: world.outbox,
      input: {
        submissionId: author.submissionId ?? "",
        scores: scoresFor(assignment.rubric, [4, 2]),
        note: "Regraded: the argument holds up.",
      },
      now: openAt,
    });
    expect(result).toMatchObject({ gradedBy: "override" });
    const mine = await takeAssignment({
      db: world.db,
      user: author.user,
      input: { lessonId },
      now: openAt,
    });
    expect(mine.grade).toMatchObject({
      points: 6,
      gradedBy: "override",
      staffNote: "Regraded: the argument holds up.",
    });
    expect(mine.reviews[0]).toMatchObject({ flagResolution: "overridden" });
    // Keeping a review whose flag the override resolved does not rewrite that resolution.
    const kept = await keepFlaggedReview({
      db: world.db,
      user: instructor,
      input: { reviewId: first.reviewId },
    });
    expect(kept.resolution).toBe("overridden");
    const again = await takeAssignment({
      db: world.db,
      user: author.user,
      input: { lessonId },
      now: openAt,
    });
    expect(again.reviews[0]).toMatchObject({ flagResolution: "overridden" });
    expect(again.grade?.gradedBy).toBe("override");
    const backlog = await getBacklog({
      db: world.db,
      user: instructor,
      input: { lessonId },
      now: openAt,
    });
    expect(backlog.counts).toMatchObject({ flagged: 0, graded: 1 });
    // Peer grade, then the override (a flag the override resolved tells nothing more).
    expect((await gradeNotes(author.user.id)).map((n) => n.title)).toEqual([
      expect.stringMatching(/” was graded: 57%$/),
      expect.stringMatching(/^Staff changed your grade for “.*”: 86%$/),
    ]);
  });

  it("staff grade a submission that waits for them", async () => {
    const now = new Date("2026-07-01T09:00:00Z");
    const { lessonId, author, instructor, assignment } = await createFocusedReview(world, {
      reviewers: 1,
      now,
    });
    const closeAt = new Date(now.getTime() + 90 * MINUTE);
    await closeReviewWindow({
      db: world.db,
      outbox: world.outbox,
      submissionId: author.submissionId ?? "",
      now: closeAt,
    });
    const backlog = await getBacklog({
      db: world.db,
      user: instructor,
      input: { lessonId },
      now: closeAt,
    });
    expect(backlog.submissions.find((s) => s.id === author.submissionId)?.state).toBe(
      "needs_staff",
    );
    await gradeAsStaff({
      db: world.db,
      user: instructor,
      outbox: world.outbox,
      input: {
        submissionId: author.submissionId ?? "",
        scores: scoresFor(assignment.rubric, [2, 2]),
        note: "",
      },
      now: closeAt,
    });
    const mine = await takeAssignment({
      db: world.db,
      user: author.user,
      input: { lessonId },
      now: closeAt,
    });
    expect(mine).toMatchObject({ stage: "graded", grade: { gradedBy: "staff", points: 4 } });
    expect((await gradeNotes(author.user.id)).map((n) => n.title)).toEqual([
      expect.stringMatching(/” was graded: \d+%$/),
    ]);
  });

  it("flags only reviews of one's own graded work", async () => {
    const now = new Date("2026-07-01T09:00:00Z");
    const { lessonId, learners, assignment } = await createPeerAssignment(world, {
      learners: 3,
      settings: { reviewsNeeded: 2 },
      now,
    });
    const [a, b, c] = learners;
    if (!a || !b || !c) throw new Error("no learners");
    const next = await reviewNext({ db: world.db, user: b.user, input: { lessonId }, now });
    if (!next.lease) throw new Error("no lease");
    await submitReview({
      db: world.db,
      outbox: world.outbox,
      user: b.user,
      input: { reviewId: next.lease.reviewId, scores: scoresFor(assignment.rubric, [2, 2]) },
      now,
    });
    const author = learners.find((l) => l.submissionId === next.lease?.submissionId);
    const outsider = learners.find((l) => l !== author && l !== b);
    if (!author || !outsider) throw new Error("no author");
    const input = { reviewId: next.lease.reviewId, reason: "Unfair." };
    // Not graded yet (one of two reviews).
    await expect(flagReview({ db: world.db, user: author.user, input, now })).rejects.toThrow(
      /once your submission has been graded/,
    );
    await expect(
      flagReview({ db: world.db, user: outsider.user, input, now }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(flagReview({ db: world.db, user: b.user, input, now })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it("staff of another course learn nothing and change nothing", async () => {
    const { lessonId, author, view, assignment, openAt } = await gradedByPeers();
    const stranger = await createUser(world.db, "instructor");
    const submissionId = author.submissionId ?? "";
    const before = await takeAssignment({
      db: world.db,
      user: author.user,
      input: { lessonId },
      now: openAt,
    });
    await expect(
      getBacklog({ db: world.db, user: stranger, input: { lessonId } }),
    ).rejects.toThrow();
    await expect(
      getSubmissionForStaff({ db: world.db, user: stranger, input: { submissionId } }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      gradeAsStaff({
        db: world.db,
        user: stranger,
        outbox: world.outbox,
        input: { submissionId, scores: scoresFor(assignment.rubric, [0, 0]), note: "" },
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      keepFlaggedReview({
        db: world.db,
        user: stranger,
        input: { reviewId: view.reviews[0]?.reviewId ?? "" },
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(
      await takeAssignment({ db: world.db, user: author.user, input: { lessonId }, now: openAt }),
    ).toEqual(before);
  });
});
