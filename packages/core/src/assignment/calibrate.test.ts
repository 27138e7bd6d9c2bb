import { assignmentReviews, assignmentSubmissions } from "@lumen/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../kernel";
import {
  createFocusedReview,
  createTestWorld,
  essayAssignment,
  scoresFor,
  type TestWorld,
} from "../testing";
import { calibrate } from "./calibrate";
import type { AssignmentSettingsInput } from "./inputs";
import { reviewNext } from "./review-next";
import { saveAssignment } from "./save-assignment";
import { submitReview } from "./submit-review";
import { takeAssignment } from "./take-assignment";

let world: TestWorld;
beforeAll(async () => {
  world = await createTestWorld();
});
afterAll(() => world.close());

/** A focused review (see createFocusedReview) with one calibration example graded 4 + 3. */
async function calibratedReview(reviewers: number, settings: Partial<AssignmentSettingsInput>) {
  const now = new Date("2026-06-01T09:00:00Z");
  const all = { reviewWindowHours: 1, leaseMinutes: 10, ...settings };
  const focused = await createFocusedReview(world, { reviewers, settings: all, now });
  const { rubric } = focused.assignment;
  const saved = await saveAssignment({
    db: world.db,
    outbox: world.outbox,
    user: focused.instructor,
    input: {
      ...essayAssignment(focused.lessonId, all, rubric),
      examples: [{ body: "An example essay.", scores: scoresFor(rubric, [4, 3]) }],
    },
    now,
  });
  const exampleId = saved.examples[0]?.id ?? "";
  const calibrateAs = (user: SessionUser, points: number[]) =>
    calibrate({
      db: world.db,
      user,
      input: { exampleId, scores: scoresFor(rubric, points) },
    });
  return { ...focused, exampleId, calibrateAs };
}

describe("calibration", () => {
  it("keeps the first grading of an example; a retry answers with it", async () => {
    const { reviewers, calibrateAs, lessonId, openAt } = await calibratedReview(1, {});
    const me = reviewers[0]?.user;
    if (!me) throw new Error("no reviewer");
    const first = await calibrateAs(me, [0, 0]);
    expect(first).toMatchObject({ accuracy: 0, mine: [{ points: 0 }, { points: 0 }] });
    expect(first.instructor.map((s) => s.points)).toEqual([4, 3]);
    const retry = await calibrateAs(me, [4, 3]);
    expect(retry.accuracy).toBe(0);
    expect(retry.mine.map((s) => s.points)).toEqual([0, 0]);
    const view = await takeAssignment({ db: world.db, user: me, input: { lessonId }, now: openAt });
    expect(view.calibration).toMatchObject({
      meanAccuracy: 0,
      examples: [{ done: true, accuracy: 0 }],
    });
  });

  it("review next asks for calibration until every example is graded", async () => {
    const { reviewers, calibrateAs, lessonId, openAt, author } = await calibratedReview(1, {});
    const me = reviewers[0]?.user;
    if (!me) throw new Error("no reviewer");
    expect(await reviewNext({ db: world.db, user: me, input: { lessonId }, now: openAt })).toEqual({
      lease: null,
      reason: "calibrate_first",
    });
    // Half right on argument, right on clarity: 1 − (0.5 + 0) / 2.
    expect((await calibrateAs(me, [2, 3])).accuracy).toBe(0.75);
    const next = await reviewNext({ db: world.db, user: me, input: { lessonId }, now: openAt });
    expect(next.lease?.submissionId).toBe(author.submissionId);
  });

  it("weighs reviews by calibration accuracy when the assignment says so", async () => {
    const { reviewers, calibrateAs, lessonId, openAt, author, assignment } = await calibratedReview(
      3,
      { reviewsNeeded: 3, weightByCalibration: true },
    );
    const [sharp, vague1, vague2] = reviewers;
    if (!sharp || !vague1 || !vague2) throw new Error("no reviewers");
    await calibrateAs(sharp.user, [4, 3]); // accuracy 1 → weight 1
    await calibrateAs(vague1.user, [0, 0]); // accuracy 0 → the floor, 0.25
    await calibrateAs(vague2.user, [0, 0]);
    const given: Array<[typeof sharp, number[]]> = [
      [sharp, [4, 3]],
      [vague1, [0, 0]],
      [vague2, [0, 0]],
    ];
    for (const [reviewer, points] of given) {
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
        input: { reviewId: next.lease.reviewId, scores: scoresFor(assignment.rubric, points) },
        now: openAt,
      });
    }
    const weights = await world.db
      .select({ weight: assignmentReviews.weight })
      .from(assignmentReviews)
      .where(eq(assignmentReviews.submissionId, author.submissionId ?? ""));
    expect(weights.map((w) => w.weight).sort()).toEqual([0.25, 0.25, 1]);
    // Unweighted, the median would be 0 + 0; the accurate reviewer outweighs the two others.
    const [row] = await world.db
      .select()
      .from(assignmentSubmissions)
      .where(eq(assignmentSubmissions.id, author.submissionId ?? ""));
    expect(row).toMatchObject({ status: "graded", gradedBy: "peers", gradePoints: 7 });
  });

  it("without weighting, the same reviews grade by the plain median", async () => {
    const { reviewers, calibrateAs, lessonId, openAt, author, assignment } = await calibratedReview(
      3,
      { reviewsNeeded: 3, weightByCalibration: false },
    );
    const points = [
      [4, 3],
      [0, 0],
      [0, 0],
    ];
    for (const [i, reviewer] of reviewers.entries()) {
      await calibrateAs(reviewer.user, points[i] ?? []);
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
          scores: scoresFor(assignment.rubric, points[i] ?? []),
        },
        now: openAt,
      });
    }
    const [row] = await world.db
      .select()
      .from(assignmentSubmissions)
      .where(eq(assignmentSubmissions.id, author.submissionId ?? ""));
    expect(row).toMatchObject({ status: "graded", gradePoints: 0 });
  });
});
