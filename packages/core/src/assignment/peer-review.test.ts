import { assignmentSubmissions, lessonProgress } from "@lumen/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getEnrollmentStanding } from "../enrollment";
import { getCourseProgress } from "../progress";
import { createPeerAssignment, createTestWorld, scoresFor, type TestWorld } from "../testing";
import { reviewNext } from "./review-next";
import { submitReview } from "./submit-review";
import { takeAssignment } from "./take-assignment";

let world: TestWorld;
beforeAll(async () => {
  world = await createTestWorld();
});
afterAll(() => world.close());

describe("a cohort of four reviewing each other", () => {
  it("grades each submission by the median of its three reviews per criterion", async () => {
    const { lessonId, learners, assignment } = await createPeerAssignment(world, { learners: 4 });
    const rubric = assignment.rubric;
    // What each reviewer gives (argument, clarity), by reviewer index.
    const given = [
      [4, 3],
      [2, 1],
      [0, 2],
      [4, 0],
    ];
    const received = new Map<string, number[][]>();
    for (let round = 0; round < 3; round++) {
      for (const [i, learner] of learners.entries()) {
        const next = await reviewNext({ db: world.db, user: learner.user, input: { lessonId } });
        if (!next.lease) throw new Error(`learner ${i} got no lease: ${next.reason}`);
        expect(next.lease.submissionId).not.toBe(learner.submissionId);
        const points = given[i] as number[];
        await submitReview({
          db: world.db,
          outbox: world.outbox,
          user: learner.user,
          input: { reviewId: next.lease.reviewId, scores: scoresFor(rubric, points) },
        });
        received.set(next.lease.submissionId, [
          ...(received.get(next.lease.submissionId) ?? []),
          points,
        ]);
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1] as number;
    for (const learner of learners) {
      const view = await takeAssignment({ db: world.db, user: learner.user, input: { lessonId } });
      const got = received.get(learner.submissionId ?? "") ?? [];
      expect(got).toHaveLength(3);
      const expected =
        median(got.map((p) => p[0] as number)) + median(got.map((p) => p[1] as number));
      expect(view.stage).toBe("graded");
      expect(view.grade?.points).toBe(expected);
      expect(view.grade?.gradedBy).toBe("peers");
      expect(view.reviews.map((r) => r.label)).toEqual(["Reviewer 1", "Reviewer 2", "Reviewer 3"]);
      const json = JSON.stringify(view);
      for (const other of learners) {
        if (other === learner) continue;
        expect(json).not.toContain(other.user.id);
        expect(json).not.toContain(other.enrollmentId);
        expect(json).not.toContain(other.user.name);
      }
      const passed = (view.grade?.percent ?? 0) >= 50;
      const [progress] = await world.db
        .select()
        .from(lessonProgress)
        .where(
          and(
            eq(lessonProgress.enrollmentId, learner.enrollmentId),
            eq(lessonProgress.lessonId, lessonId),
          ),
        );
      expect(progress?.completedAt != null).toBe(passed);
      const standing = await getEnrollmentStanding(world.db, learner.enrollmentId);
      expect(standing?.assessmentsToPass).toBe(passed ? 0 : 1);
    }
    const rows = await world.db
      .select({ status: assignmentSubmissions.status })
      .from(assignmentSubmissions)
      .where(eq(assignmentSubmissions.lessonId, lessonId));
    expect(rows.every((r) => r.status === "graded")).toBe(true);
  });
});

describe("the course's progress for an assignment", () => {
  it("says where the learner's submission is: submitted, in review, then graded", async () => {
    const { lessonId, learners, courseId, assignment } = await createPeerAssignment(world, {
      learners: 2,
      settings: { reviewsNeeded: 1, reviewsToGive: 1 },
    });
    const [author, reviewer] = learners as [(typeof learners)[0], (typeof learners)[0]];
    const statusOf = async () => {
      const progress = await getCourseProgress({
        db: world.db,
        media: world.media,
        user: author.user,
        input: { courseId },
      });
      return progress?.lessons.find((l) => l.lessonId === lessonId)?.assignmentStatus;
    };
    expect(await statusOf()).toBe("submitted");
    const next = await reviewNext({ db: world.db, user: reviewer.user, input: { lessonId } });
    if (!next.lease) throw new Error(`no lease: ${next.reason}`);
    expect(next.lease.submissionId).toBe(author.submissionId);
    expect(await statusOf()).toBe("in_review");
    await submitReview({
      db: world.db,
      outbox: world.outbox,
      user: reviewer.user,
      input: { reviewId: next.lease.reviewId, scores: scoresFor(assignment.rubric, [4, 3]) },
    });
    expect(await statusOf()).toBe("graded");
  });
});
