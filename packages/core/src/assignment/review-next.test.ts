import { assignmentReviews, assignmentSubmissions } from "@lumen/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createFocusedReview,
  createPeerAssignment,
  createTestWorld,
  scoresFor,
  type TestWorld,
} from "../testing";
import { type ReviewNextResult, reviewNext } from "./review-next";
import { submitReview } from "./submit-review";
import { submitWork } from "./submit-work";

let world: TestWorld;
beforeAll(async () => {
  world = await createTestWorld();
});
afterAll(() => world.close());

const MINUTE = 60_000;

/** Every review row of an assignment: who holds it, on what, and whether it counts at `now`. */
async function reviewsOf(lessonId: string, now: Date) {
  const rows = await world.db
    .select()
    .from(assignmentReviews)
    .where(eq(assignmentReviews.lessonId, lessonId));
  return rows.map((r) => ({
    id: r.id,
    submissionId: r.submissionId,
    reviewer: r.reviewerEnrollmentId,
    live: r.submittedAt !== null || r.leaseExpiresAt > now,
  }));
}

function leasesOf(results: ReviewNextResult[]) {
  return results.flatMap((r) => (r.lease ? [r.lease] : []));
}

describe("review next under 50 concurrent callers", () => {
  it("leases no submission past its need, none to its author, and one per reviewer", async () => {
    const now = new Date("2026-03-02T09:00:00Z");
    const { lessonId, learners } = await createPeerAssignment(world, { learners: 25, now });
    const at = new Date(now.getTime() + 10 * MINUTE);
    // 25 learners, each asking twice at the same moment: 50 calls in flight.
    const callers = [...learners, ...learners];
    const results = await Promise.all(
      callers.map((l) => reviewNext({ db: world.db, user: l.user, input: { lessonId }, now: at })),
    );

    const ownBy = new Map(learners.map((l) => [l.enrollmentId, l.submissionId]));
    const rows = await reviewsOf(lessonId, at);
    const perSubmission = new Map<string, number>();
    for (const row of rows) {
      perSubmission.set(row.submissionId, (perSubmission.get(row.submissionId) ?? 0) + 1);
      expect(row.submissionId).not.toBe(ownBy.get(row.reviewer));
    }
    expect(Math.max(...perSubmission.values())).toBeLessThanOrEqual(3);
    expect(new Set(rows.map((r) => r.reviewer)).size).toBe(rows.length);
    // Both calls of one learner answer with the same lease.
    for (const [i, learner] of learners.entries()) {
      const [a, b] = [results[i], results[i + learners.length]];
      expect(a?.lease?.reviewId).toBe(b?.lease?.reviewId);
      if (a?.lease) {
        expect(a.lease.submissionId).not.toBe(learner.submissionId);
        expect(rows.find((r) => r.id === a.lease?.reviewId)?.reviewer).toBe(learner.enrollmentId);
      }
    }
    // Plenty of work for everyone: 25 submissions × 3 reviews for 25 reviewers.
    expect(leasesOf(results).length).toBe(50);
  });

  it("hands out exactly the reviews a scarce submission needs, however many ask at once", async () => {
    const now = new Date("2026-03-02T09:00:00Z");
    const { lessonId, reviewers, author, openAt } = await createFocusedReview(world, {
      reviewers: 50,
      settings: { reviewsNeeded: 3 },
      now,
    });
    const results = await Promise.all(
      reviewers.map((r) =>
        reviewNext({ db: world.db, user: r.user, input: { lessonId }, now: openAt }),
      ),
    );
    const leases = leasesOf(results);
    // Exactly: never past the need, and nobody is told "none available" while a slot is open.
    expect(leases).toHaveLength(3);
    expect(leases.every((l) => l.submissionId === author.submissionId)).toBe(true);
    const rows = await reviewsOf(lessonId, openAt);
    expect(rows.filter((r) => r.live)).toHaveLength(leases.length);
    expect(new Set(rows.map((r) => r.reviewer)).size).toBe(rows.length);
    for (const r of results) {
      if (!r.lease) expect(r.reason).toBe("none_available");
    }
  });

  it("fills every review a scarce submission still needs when fifty reviewers ask at once", async () => {
    for (let round = 0; round < 3; round++) {
      const now = new Date("2026-03-02T09:00:00Z");
      const { lessonId, reviewers, author, openAt } = await createFocusedReview(world, {
        reviewers: 50,
        settings: { reviewsNeeded: 10 },
        now,
      });
      const results = await Promise.all(
        reviewers.map((r) =>
          reviewNext({ db: world.db, user: r.user, input: { lessonId }, now: openAt }),
        ),
      );
      const leases = leasesOf(results);
      expect(leases).toHaveLength(10);
      expect(new Set(leases.map((l) => l.submissionId))).toEqual(new Set([author.submissionId]));
    }
  });

  it("one reviewer asking ten times at once holds one lease, and asking again returns it", async () => {
    const now = new Date("2026-03-02T09:00:00Z");
    const { lessonId, learners } = await createPeerAssignment(world, { learners: 6, now });
    const me = learners[0];
    if (!me) throw new Error("no learner");
    const at = new Date(now.getTime() + MINUTE);
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        reviewNext({ db: world.db, user: me.user, input: { lessonId }, now: at }),
      ),
    );
    const ids = new Set(leasesOf(results).map((l) => l.reviewId));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.lease && !r.resumed)).toHaveLength(1);
    const rows = await reviewsOf(lessonId, at);
    expect(rows).toHaveLength(1);

    const later = new Date(at.getTime() + 5 * MINUTE);
    const again = await reviewNext({
      db: world.db,
      user: me.user,
      input: { lessonId },
      now: later,
    });
    expect(again).toMatchObject({ resumed: true, lease: { reviewId: [...ids][0] } });
  });
});

describe("lease expiry", () => {
  it("re-offers the freed slot exactly once when many reviewers ask at the same moment", async () => {
    const now = new Date("2026-03-02T09:00:00Z");
    const { lessonId, reviewers, author, openAt, assignment } = await createFocusedReview(world, {
      reviewers: 12,
      settings: { reviewsNeeded: 2, leaseMinutes: 10 },
      now,
    });
    const [late, done, ...others] = reviewers;
    if (!late || !done) throw new Error("no reviewers");
    const first = await reviewNext({
      db: world.db,
      user: late.user,
      input: { lessonId },
      now: openAt,
    });
    expect(first.lease?.submissionId).toBe(author.submissionId);
    const second = await reviewNext({
      db: world.db,
      user: done.user,
      input: { lessonId },
      now: openAt,
    });
    if (!second.lease) throw new Error("the second reviewer got no lease");
    await submitReview({
      db: world.db,
      outbox: world.outbox,
      user: done.user,
      input: { reviewId: second.lease.reviewId, scores: scoresFor(assignment.rubric, [2, 1]) },
      now: openAt,
    });
    // Full: nobody else gets it while the first lease lives.
    const early = new Date(openAt.getTime() + 5 * MINUTE);
    const blocked = await Promise.all(
      others.map((r) =>
        reviewNext({ db: world.db, user: r.user, input: { lessonId }, now: early }),
      ),
    );
    expect(leasesOf(blocked)).toEqual([]);

    const expired = new Date(openAt.getTime() + 11 * MINUTE);
    const askers = [late, ...others];
    const results = await Promise.all(
      askers.map((r) =>
        reviewNext({ db: world.db, user: r.user, input: { lessonId }, now: expired }),
      ),
    );
    const leases = leasesOf(results);
    expect(leases).toHaveLength(1);
    expect(leases[0]?.submissionId).toBe(author.submissionId);
    const rows = await reviewsOf(lessonId, expired);
    expect(rows.filter((r) => r.live)).toHaveLength(2);

    // And not a second time: the slot is taken again.
    const afterwards = await Promise.all(
      askers.map((r) =>
        reviewNext({ db: world.db, user: r.user, input: { lessonId }, now: expired }),
      ),
    );
    expect(afterwards.filter((r) => r.lease && !r.resumed)).toEqual([]);
  });
});

describe("revising against the first lease", () => {
  it("a revision racing the first lease either lands before the lock or is refused; the leased text is what is stored", async () => {
    for (let round = 0; round < 4; round++) {
      const now = new Date("2026-03-02T09:00:00Z");
      const { lessonId, reviewers, author, openAt } = await createFocusedReview(world, {
        reviewers: 2,
        now,
      });
      const reviewer = reviewers[0];
      if (!reviewer) throw new Error("no reviewer");
      const revised = `Revised essay, round ${round}.`;
      const [revision, next] = await Promise.allSettled([
        submitWork({
          db: world.db,
          outbox: world.outbox,
          user: author.user,
          input: { lessonId, body: revised },
          now: openAt,
        }),
        reviewNext({ db: world.db, user: reviewer.user, input: { lessonId }, now: openAt }),
      ]);
      if (next.status !== "fulfilled") throw next.reason;
      // A reviewer kept waiting past its bound by the revision is told none is available;
      // asking again leases it.
      const lease =
        next.value.lease ??
        (await reviewNext({ db: world.db, user: reviewer.user, input: { lessonId }, now: openAt }))
          .lease;
      const [stored] = await world.db
        .select()
        .from(assignmentSubmissions)
        .where(eq(assignmentSubmissions.id, author.submissionId ?? ""));
      if (revision.status === "fulfilled") {
        expect(stored?.body).toBe(revised);
      } else {
        expect(String(revision.reason)).toMatch(/locked/);
        expect(stored?.body).not.toBe(revised);
      }
      expect(lease?.body).toBe(stored?.body);
      expect(stored?.status).toBe("in_review");
      // Locked from now on.
      await expect(
        submitWork({
          db: world.db,
          outbox: world.outbox,
          user: author.user,
          input: { lessonId, body: "Too late." },
          now: openAt,
        }),
      ).rejects.toThrow(/locked/);
    }
  });

  it("revises freely until the first lease, keeping the first submission time", async () => {
    const now = new Date("2026-03-02T09:00:00Z");
    const { lessonId, learners } = await createPeerAssignment(world, { learners: 2, now });
    const [me, peer] = learners;
    if (!me || !peer) throw new Error("no learners");
    const later = new Date(now.getTime() + 30 * MINUTE);
    const revised = await submitWork({
      db: world.db,
      outbox: world.outbox,
      user: me.user,
      input: { lessonId, body: "Second draft." },
      now: later,
    });
    expect(revised).toMatchObject({ submissionId: me.submissionId, revised: true });
    const [row] = await world.db
      .select()
      .from(assignmentSubmissions)
      .where(eq(assignmentSubmissions.id, me.submissionId ?? ""));
    expect(row).toMatchObject({ body: "Second draft.", status: "submitted", submittedAt: now });
    expect(row?.revisedAt).toEqual(later);
  });
});

describe("who review next offers", () => {
  it("asks for a submission first, never offers one's own, and never one already reviewed", async () => {
    const now = new Date("2026-03-02T09:00:00Z");
    const { lessonId, learners, assignment } = await createPeerAssignment(world, {
      learners: 2,
      submitted: false,
      now,
    });
    const [a, b] = learners;
    if (!a || !b) throw new Error("no learners");
    expect(await reviewNext({ db: world.db, user: a.user, input: { lessonId }, now })).toEqual({
      lease: null,
      reason: "submit_first",
    });
    await submitWork({
      db: world.db,
      outbox: world.outbox,
      user: a.user,
      input: { lessonId, body: "Mine." },
      now,
    });
    expect(await reviewNext({ db: world.db, user: a.user, input: { lessonId }, now })).toEqual({
      lease: null,
      reason: "none_available",
    });
    const bSubmitted = await submitWork({
      db: world.db,
      outbox: world.outbox,
      user: b.user,
      input: { lessonId, body: "Theirs." },
      now,
    });
    const lease = await reviewNext({ db: world.db, user: a.user, input: { lessonId }, now });
    expect(lease.lease?.submissionId).toBe(bSubmitted.submissionId);
    await submitReview({
      db: world.db,
      outbox: world.outbox,
      user: a.user,
      input: {
        reviewId: lease.lease?.reviewId ?? "",
        scores: scoresFor(assignment.rubric, [4, 3]),
      },
      now,
    });
    expect(await reviewNext({ db: world.db, user: a.user, input: { lessonId }, now })).toEqual({
      lease: null,
      reason: "none_available",
    });
  });
});
