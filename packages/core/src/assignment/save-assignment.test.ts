import { assignmentSubmissions } from "@lumen/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getEnrollmentStanding } from "../enrollment";
import { ConflictError, ValidationError } from "../kernel";
import {
  createPeerAssignment,
  createTestWorld,
  essayAssignment,
  scoresFor,
  type TestWorld,
} from "../testing";
import { getEditableAssignment } from "./get-assignment";
import { reviewNext } from "./review-next";
import { saveAssignment } from "./save-assignment";
import { submitReview } from "./submit-review";
import { submitWork } from "./submit-work";
import { takeAssignment } from "./take-assignment";

let world: TestWorld;
beforeAll(async () => {
  world = await createTestWorld();
});
afterAll(() => world.close());

const HOUR = 3_600_000;

async function fieldErrorsOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ValidationError)) throw new Error(`expected a ValidationError: ${error}`);
  return Object.keys(error.fieldErrors ?? {});
}

describe("saving an assignment", () => {
  it("fixes the rubric's structure once reviews exist, but lets its wording change", async () => {
    const now = new Date("2026-08-03T09:00:00Z");
    const { lessonId, learners, instructor, assignment } = await createPeerAssignment(world, {
      learners: 2,
      now,
    });
    const save = (rubric: typeof assignment.rubric) =>
      saveAssignment({
        db: world.db,
        outbox: world.outbox,
        user: instructor,
        input: essayAssignment(lessonId, {}, rubric),
        now,
      });
    expect(assignment.rubricLocked).toBe(false);
    await reviewNext({
      db: world.db,
      user: learners[0]?.user ?? instructor,
      input: { lessonId },
      now,
    });

    const [argument, clarity] = assignment.rubric;
    if (!argument || !clarity) throw new Error("no rubric");
    const repointed = [
      { ...argument, levels: argument.levels.map((l) => ({ ...l, points: l.points * 2 })) },
      clarity,
    ];
    expect(await fieldErrorsOf(save(repointed))).toEqual(["rubric"]);
    expect(await fieldErrorsOf(save([argument]))).toEqual(["rubric"]);

    const reworded = [
      {
        ...argument,
        title: "Reasoning",
        levels: argument.levels.map((l) => ({ ...l, label: `${l.label}!` })),
      },
      { ...clarity, description: "Could a stranger follow it?" },
    ];
    const saved = await save(reworded);
    expect(saved.rubricLocked).toBe(true);
    expect(saved.rubric[0]?.title).toBe("Reasoning");
    expect(saved.rubric[0]?.levels.map((l) => l.label)).toEqual([
      "Missing!",
      "Partial!",
      "Convincing!",
    ]);
    expect(
      (await getEditableAssignment({ db: world.db, user: instructor, input: { lessonId } })).rubric,
    ).toEqual(saved.rubric);
  });

  it("refuses examples not graded by the rubric and reviews closing before submissions are due", async () => {
    const { lessonId, instructor, assignment } = await createPeerAssignment(world, { learners: 0 });
    const input = essayAssignment(lessonId, {}, assignment.rubric);
    const before = await getEditableAssignment({
      db: world.db,
      user: instructor,
      input: { lessonId },
    });
    const halfGraded = scoresFor(assignment.rubric, [4, 3]).slice(0, 1);
    expect(
      await fieldErrorsOf(
        saveAssignment({
          db: world.db,
          outbox: world.outbox,
          user: instructor,
          input: { ...input, examples: [{ body: "An example.", scores: halfGraded }] },
        }),
      ),
    ).toEqual(["examples.0"]);
    const dueAt = new Date("2026-09-01T12:00:00Z");
    expect(
      await fieldErrorsOf(
        saveAssignment({
          db: world.db,
          outbox: world.outbox,
          user: instructor,
          input: { ...input, settings: { ...input.settings, dueAt, reviewsCloseAt: dueAt } },
        }),
      ),
    ).toEqual(["settings.reviewsCloseAt"]);
    expect(
      await getEditableAssignment({ db: world.db, user: instructor, input: { lessonId } }),
    ).toEqual(before);
  });

  it("moves open submissions' deadlines when the review window changes", async () => {
    const now = new Date("2026-08-03T09:00:00Z");
    const { lessonId, learners, instructor, assignment } = await createPeerAssignment(world, {
      learners: 1,
      settings: { reviewWindowHours: 48 },
      now,
    });
    await saveAssignment({
      db: world.db,
      outbox: world.outbox,
      user: instructor,
      input: essayAssignment(lessonId, { reviewWindowHours: 24 }, assignment.rubric),
      now,
    });
    const [row] = await world.db
      .select({ reviewDeadline: assignmentSubmissions.reviewDeadline })
      .from(assignmentSubmissions)
      .where(eq(assignmentSubmissions.id, learners[0]?.submissionId ?? ""));
    expect(row?.reviewDeadline).toEqual(new Date(now.getTime() + 24 * HOUR));
  });
});

describe("the due date", () => {
  it("closes submissions and revisions alike", async () => {
    const now = new Date("2026-08-03T09:00:00Z");
    const dueAt = new Date(now.getTime() + HOUR);
    const { lessonId, learners } = await createPeerAssignment(world, {
      learners: 2,
      submitted: false,
      settings: { dueAt: dueAt.toISOString() },
    });
    const [early, late] = learners;
    if (!early || !late) throw new Error("no learners");
    const submit = (user: typeof early.user, at: Date) =>
      submitWork({
        db: world.db,
        outbox: world.outbox,
        user,
        input: { lessonId, body: "Essay." },
        now: at,
      });
    await submit(early.user, now);
    const after = new Date(dueAt.getTime() + 1);
    await expect(submit(late.user, after)).rejects.toBeInstanceOf(ConflictError);
    await expect(submit(early.user, after)).rejects.toThrow(/Submissions closed/);
    expect(
      (await takeAssignment({ db: world.db, user: late.user, input: { lessonId }, now: after }))
        .open,
    ).toBe(false);
    expect(
      (await takeAssignment({ db: world.db, user: late.user, input: { lessonId }, now: dueAt }))
        .open,
    ).toBe(true);
  });
});

describe("certificate standing", () => {
  it("counts a required assignment until it is passed, and an optional one never", async () => {
    const now = new Date("2026-08-03T09:00:00Z");
    for (const required of [true, false]) {
      const { lessonId, learners, assignment } = await createPeerAssignment(world, {
        learners: 2,
        settings: { reviewsNeeded: 1, reviewsToGive: 0, requiredForCertificate: required },
        now,
      });
      const [first, second] = learners;
      if (!first || !second) throw new Error("no learners");
      const toPass = async () =>
        (await getEnrollmentStanding(world.db, first.enrollmentId))?.assessmentsToPass;
      expect(await toPass()).toBe(required ? 1 : 0);
      const next = await reviewNext({ db: world.db, user: second.user, input: { lessonId }, now });
      expect(next.lease?.submissionId).toBe(first.submissionId);
      await submitReview({
        db: world.db,
        outbox: world.outbox,
        user: second.user,
        input: {
          reviewId: next.lease?.reviewId ?? "",
          scores: scoresFor(assignment.rubric, [4, 3]),
        },
        now,
      });
      expect(await toPass()).toBe(0);
    }
  });
});
