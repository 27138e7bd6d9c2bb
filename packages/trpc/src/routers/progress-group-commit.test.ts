import type { SessionUser } from "@lumen/core/kernel";
import { createProgressIngest } from "@lumen/core/progress";
import { createCourseWithLessons, createEnrollment, createUser } from "@lumen/core/testing";
import { lessonProgress, progressEvents } from "@lumen/db";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../testing/harness";
import { progressEvent, startPlayback } from "../testing/progress";

let t: TestContext;
let instructor: SessionUser;

beforeAll(async () => {
  t = await createTestContext();
  instructor = await createUser(t.db, "instructor");
});
afterAll(() => t.close());

async function learnerIn(kinds: ReadonlyArray<"video" | "text">) {
  const learner = await createUser(t.db);
  const { course, lessonIds } = await createCourseWithLessons(
    t.db,
    instructor,
    kinds.map((kind) => ({ kind })),
  );
  const enrollmentId = (await createEnrollment(t.db, learner, course.id)).id;
  return { learner, lessonIds, enrollmentId };
}

async function storedEventIds(ids: string[]) {
  const rows = await t.db
    .select({ id: progressEvents.eventId })
    .from(progressEvents)
    .where(inArray(progressEvents.eventId, ids));
  return new Set(rows.map((r) => r.id));
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

const record = (user: SessionUser, events: ReturnType<typeof progressEvent>[]) =>
  t.callerFor(user).progress.record({ events });

describe("group commit", () => {
  it("merges 50 concurrent calls into fewer transactions, and stores every acknowledged event", async () => {
    const { learner, lessonIds, enrollmentId } = await learnerIn(["video", "text"]);
    await startPlayback(t, learner, lessonIds[0] ?? "");
    t.elapse(60);
    const before = t.progress.stats();
    // Second i of the video, reported by each call: together they cover 0–50 s.
    const batches = Array.from({ length: 50 }, (_, i) =>
      lessonIds.map((id) => progressEvent(enrollmentId, id, { watched: [[i, i + 1]] })),
    );
    const results = await Promise.all(batches.map((events) => record(learner, events)));
    const after = t.progress.stats();
    expect(after.calls - before.calls).toBe(50);
    expect(after.transactions - before.transactions).toBeLessThan(50);
    expect(after.transactions - before.transactions).toBeGreaterThan(0);
    expect(results.every((r) => r.accepted === 2)).toBe(true);
    const ids = batches.flat().map((e) => e.eventId);
    expect((await storedEventIds(ids)).size).toBe(ids.length);
    expect((await progressOf(enrollmentId, lessonIds[0] ?? ""))?.watchedSeconds).toBe(50);
  });

  it("rejects a call that fails on its own without failing the calls merged with it", async () => {
    const { learner, lessonIds, enrollmentId } = await learnerIn(["video", "video"]);
    const [lessonId = "", otherLessonId = ""] = lessonIds;
    // Bypasses the router's input check: a negative position violates a table constraint.
    const broken = progressEvent(enrollmentId, otherLessonId, { positionSeconds: -1 });
    const first = progressEvent(enrollmentId, lessonId);
    const second = progressEvent(enrollmentId, lessonId);
    const before = t.progress.stats();
    const outcomes = await Promise.allSettled([
      t.progress.record(learner, [first]),
      t.progress.record(learner, [broken]),
      t.progress.record(learner, [second]),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const after = t.progress.stats();
    // The three went into one merged transaction; it failed, so each was re-run alone:
    // two commits and one failure, not three independent transactions from the start.
    expect(after.retriedAlone - before.retriedAlone).toBe(3);
    expect(after.transactions - before.transactions).toBe(2);
    expect(after.failed - before.failed).toBe(1);
    expect(await storedEventIds([first.eventId, broken.eventId, second.eventId])).toEqual(
      new Set([first.eventId, second.eventId]),
    );
  });

  it("flushes queued calls on close, then refuses new ones", async () => {
    const { learner, lessonIds, enrollmentId } = await learnerIn(["video"]);
    const ingest = createProgressIngest({ db: t.db, outbox: t.outbox });
    const event = progressEvent(enrollmentId, lessonIds[0] ?? "");
    const pending = ingest.record(learner, [event]);
    await ingest.close();
    await expect(pending).resolves.toMatchObject({ accepted: 1 });
    await expect(
      ingest.record(learner, [progressEvent(enrollmentId, lessonIds[0] ?? "")]),
    ).rejects.toThrow("closed");
    expect(await storedEventIds([event.eventId])).toEqual(new Set([event.eventId]));
  });
});
