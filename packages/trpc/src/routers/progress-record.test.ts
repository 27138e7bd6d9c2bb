import { randomUUID } from "node:crypto";
import type { SessionUser } from "@lumen/core/kernel";
import type { ProgressEvent } from "@lumen/core/progress";
import {
  createEnrollment,
  createUser,
  enrolledLearner,
  type LessonSpec,
} from "@lumen/core/testing";
import { enrollments, lessonProgress, progressEvents } from "@lumen/db";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../testing/harness";
import { progressEvent, startPlayback } from "../testing/progress";

let t: TestContext;
let instructor: SessionUser;

beforeAll(async () => {
  t = await createTestContext();
  instructor = await createUser(t.db, "instructor");
});
beforeEach(() => t.resetClock());
afterAll(() => t.close());

const learnerIn = (specs: readonly LessonSpec[]) => enrolledLearner(t.db, instructor, specs);

const record = (user: SessionUser, events: ProgressEvent[]) =>
  t.callerFor(user).progress.record({ events });

/** The learner opened the video and has been playing it for `seconds` (no coverage clamp). */
async function playing(learner: SessionUser, lessonId: string, seconds = 3600) {
  await startPlayback(t, learner, lessonId);
  t.elapse(seconds);
}

async function progressOf(enrollmentId: string, lessonId: string) {
  const [row] = await t.db
    .select()
    .from(lessonProgress)
    .where(
      and(eq(lessonProgress.enrollmentId, enrollmentId), eq(lessonProgress.lessonId, lessonId)),
    );
  return row;
}

async function storedEventIds(ids: string[]) {
  const rows = await t.db
    .select({ id: progressEvents.eventId })
    .from(progressEvents)
    .where(inArray(progressEvents.eventId, ids));
  return new Set(rows.map((r) => r.id));
}

describe("progress.record: duplicates and ordering", () => {
  it("acknowledges a resent event as a duplicate and applies it only once", async () => {
    const { learner, lessonIds, enrollmentId } = await learnerIn([{ kind: "video" }]);
    const lessonId = lessonIds[0] ?? "";
    await playing(learner, lessonId);
    const first = progressEvent(enrollmentId, lessonId, {
      watched: [[0, 10]],
      positionSeconds: 10,
    });
    expect(await record(learner, [first])).toMatchObject({ accepted: 1, duplicates: 0 });
    // Same id, different payload: a resend must change nothing.
    const resent = {
      ...first,
      watched: [[0, 50]] satisfies Array<[number, number]>,
      positionSeconds: 50,
      occurredAt: Date.now() + 5,
    };
    expect(await record(learner, [resent])).toMatchObject({
      accepted: 0,
      duplicates: 1,
      rejected: [],
    });
    expect(await progressOf(enrollmentId, lessonId)).toMatchObject({
      watchedSeconds: 10,
      positionSeconds: 10,
    });
  });

  it("applies the same event id once when it appears twice in one batch", async () => {
    const { learner, lessonIds, enrollmentId } = await learnerIn([{ kind: "video" }]);
    await playing(learner, lessonIds[0] ?? "");
    const event = progressEvent(enrollmentId, lessonIds[0] ?? "", { watched: [[0, 7]] });
    const result = await record(learner, [event, { ...event, watched: [[0, 70]] }]);
    expect(result).toMatchObject({ accepted: 1, duplicates: 1 });
    const rows = await t.db
      .select()
      .from(progressEvents)
      .where(eq(progressEvents.eventId, event.eventId));
    expect(rows).toHaveLength(1);
    expect((await progressOf(enrollmentId, lessonIds[0] ?? ""))?.watchedSeconds).toBe(7);
  });

  it("keeps the newer position, and still covers what an older event arriving later watched", async () => {
    const { learner, lessonIds, enrollmentId } = await learnerIn([{ kind: "video" }]);
    const lessonId = lessonIds[0] ?? "";
    await playing(learner, lessonId);
    const now = Date.now();
    const newer = progressEvent(enrollmentId, lessonId, {
      watched: [[30, 60]],
      positionSeconds: 80,
      occurredAt: now - 1_000,
    });
    const older = progressEvent(enrollmentId, lessonId, {
      watched: [[0, 30]],
      positionSeconds: 20,
      occurredAt: now - 60_000,
    });
    await record(learner, [newer]);
    await record(learner, [older]);
    expect(await progressOf(enrollmentId, lessonId)).toMatchObject({
      watchedSeconds: 60,
      positionSeconds: 80,
    });
    // Within one batch too: arrival order inside the batch does not matter either.
    const later = progressEvent(enrollmentId, lessonId, {
      watched: [[60, 65]],
      positionSeconds: 85,
      occurredAt: now,
    });
    const stale = progressEvent(enrollmentId, lessonId, {
      watched: [[0, 5]],
      positionSeconds: 5,
      occurredAt: now - 30_000,
    });
    await record(learner, [later, stale]);
    expect(await progressOf(enrollmentId, lessonId)).toMatchObject({
      watchedSeconds: 65,
      positionSeconds: 85,
    });
  });

  it("clamps a client clock in the future, so it cannot pin the position", async () => {
    const { learner, lessonIds, enrollmentId } = await learnerIn([{ kind: "video" }]);
    const lessonId = lessonIds[0] ?? "";
    const ahead = progressEvent(enrollmentId, lessonId, {
      positionSeconds: 10,
      occurredAt: Date.now() + 86_400_000,
    });
    await record(learner, [ahead]);
    await new Promise((r) => setTimeout(r, 5));
    await record(learner, [progressEvent(enrollmentId, lessonId, { positionSeconds: 20 })]);
    const row = await progressOf(enrollmentId, lessonId);
    expect(row?.positionSeconds).toBe(20);
    expect(row?.positionAt.getTime()).toBeLessThanOrEqual(Date.now());
  });
});

describe("progress.record: completing lessons", () => {
  it("completes a video lesson at 90 % of its duration covered, not before, and only once", async () => {
    const { learner, lessonIds, enrollmentId } = await learnerIn([
      { kind: "video", videoSeconds: 200 },
      { kind: "video", videoSeconds: 200 },
    ]);
    const lessonId = lessonIds[0] ?? "";
    await playing(learner, lessonId);
    const almost = await record(learner, [
      progressEvent(enrollmentId, lessonId, { watched: [[0, 179]] }),
    ]);
    expect((await progressOf(enrollmentId, lessonId))?.completedAt).toBeNull();
    expect(almost.courses).toEqual([
      expect.objectContaining({
        enrollmentId,
        percent: 0,
        completedRequired: 0,
        requiredLessons: 2,
      }),
    ]);
    const done = await record(learner, [
      progressEvent(enrollmentId, lessonId, { watched: [[179, 180]] }),
    ]);
    expect(done.courses).toEqual([
      expect.objectContaining({ percent: 50, completedRequired: 1, newMilestones: [25, 50] }),
    ]);
    const completedAt = (await progressOf(enrollmentId, lessonId))?.completedAt;
    expect(completedAt).toBeInstanceOf(Date);
    const again = await record(learner, [
      progressEvent(enrollmentId, lessonId, { watched: [[180, 200]] }),
    ]);
    expect(again.courses[0]?.newMilestones).toEqual([]);
    expect((await progressOf(enrollmentId, lessonId))?.completedAt).toEqual(completedAt);
  });

  it("never completes a video whose duration is unknown, and ignores `completed` on video", async () => {
    const { learner, lessonIds, enrollmentId } = await learnerIn([
      { kind: "video", videoSeconds: null },
      { kind: "video", videoSeconds: 100 },
    ]);
    const [unknown = "", known = ""] = lessonIds;
    await playing(learner, unknown);
    await playing(learner, known);
    await record(learner, [
      progressEvent(enrollmentId, unknown, { watched: [[0, 10_000]], completed: true }),
      progressEvent(enrollmentId, known, { watched: [[0, 10]], completed: true }),
    ]);
    expect((await progressOf(enrollmentId, unknown))?.completedAt).toBeNull();
    expect((await progressOf(enrollmentId, known))?.completedAt).toBeNull();
  });

  it("completes text and PDF lessons on explicit completion only", async () => {
    const kinds = ["text", "pdf"] as const;
    const { learner, lessonIds, enrollmentId } = await learnerIn(kinds.map((kind) => ({ kind })));
    await record(
      learner,
      lessonIds.map((id) => progressEvent(enrollmentId, id, { watched: [[0, 600]] })),
    );
    for (const id of lessonIds)
      expect((await progressOf(enrollmentId, id))?.completedAt).toBeNull();
    const result = await record(
      learner,
      lessonIds.map((id) => progressEvent(enrollmentId, id, { completed: true })),
    );
    for (const id of lessonIds) {
      expect((await progressOf(enrollmentId, id))?.completedAt).toBeInstanceOf(Date);
    }
    expect(result.courses[0]).toMatchObject({ percent: 100, newMilestones: [25, 50, 75, 100] });
  });

  it.each(["quiz", "exercise", "assignment"] as const)(
    "does not let a progress event complete a %s lesson (only a passed attempt does)",
    async (kind) => {
      const { learner, lessonIds, enrollmentId } = await learnerIn([{ kind }]);
      const result = await record(learner, [
        progressEvent(enrollmentId, lessonIds[0] ?? "", { completed: true, watched: [[0, 999]] }),
      ]);
      expect(result).toMatchObject({ accepted: 1, courses: [{ percent: 0, newMilestones: [] }] });
      expect((await progressOf(enrollmentId, lessonIds[0] ?? ""))?.completedAt).toBeNull();
    },
  );
});

describe("progress.record: whose events", () => {
  it("rejects events for someone else's enrollment and writes nothing for them", async () => {
    const owner = await learnerIn([{ kind: "text" }]);
    const intruder = await createUser(t.db);
    const events = [
      progressEvent(owner.enrollmentId, owner.lessonIds[0] ?? "", { completed: true }),
      progressEvent(randomUUID(), owner.lessonIds[0] ?? ""),
    ];
    const result = await record(intruder, events);
    expect(result.accepted + result.duplicates).toBe(0);
    expect(result.rejected).toEqual(
      events.map((e) => ({ eventId: e.eventId, reason: "No enrollment of yours has this id." })),
    );
    expect(await storedEventIds(events.map((e) => e.eventId))).toEqual(new Set());
    expect(await progressOf(owner.enrollmentId, owner.lessonIds[0] ?? "")).toBeUndefined();
  });

  it("rejects events of an inactive enrollment or for a lesson of another course, accepting the rest", async () => {
    const mine = await learnerIn([{ kind: "text" }]);
    const other = await learnerIn([{ kind: "text" }]);
    const left = (await createEnrollment(t.db, mine.learner, other.course.id)).id;
    await t.db
      .update(enrollments)
      .set({ unenrolledAt: new Date() })
      .where(eq(enrollments.id, left));
    const good = progressEvent(mine.enrollmentId, mine.lessonIds[0] ?? "");
    const inactive = progressEvent(left, other.lessonIds[0] ?? "");
    const foreignLesson = progressEvent(mine.enrollmentId, other.lessonIds[0] ?? "");
    const result = await record(mine.learner, [good, inactive, foreignLesson]);
    expect(result.accepted).toBe(1);
    expect(result.rejected).toEqual([
      { eventId: inactive.eventId, reason: "This enrollment is no longer active." },
      {
        eventId: foreignLesson.eventId,
        reason: "This lesson is not part of the enrollment's course.",
      },
    ]);
    expect(await storedEventIds([good.eventId, inactive.eventId, foreignLesson.eventId])).toEqual(
      new Set([good.eventId]),
    );
  });
});
