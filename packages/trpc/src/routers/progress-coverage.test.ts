import type { SessionUser } from "@lumen/core/kernel";
import { createProgressIngest, type ProgressEvent } from "@lumen/core/progress";
import { createUser, enrolledLearner } from "@lumen/core/testing";
import { lessonProgress, progressEvents } from "@lumen/db";
import { and, eq } from "drizzle-orm";
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

type Interval = [number, number];

/** A learner enrolled in a course with one 20 s video lesson. */
async function twentySecondLesson() {
  const { learner, lessonIds, enrollmentId } = await enrolledLearner(t.db, instructor, [
    { kind: "video", videoSeconds: 20 },
  ]);
  const lessonId = lessonIds[0] ?? "";
  const watch = (watched: Interval[], over: Partial<ProgressEvent> = {}) =>
    t.callerFor(learner).progress.record({
      events: [
        progressEvent(enrollmentId, lessonId, {
          watched,
          positionSeconds: watched.at(-1)?.[1] ?? 0,
          occurredAt: t.now(),
          ...over,
        }),
      ],
    });
  const state = async () => {
    const [row] = await t.db
      .select()
      .from(lessonProgress)
      .where(
        and(eq(lessonProgress.enrollmentId, enrollmentId), eq(lessonProgress.lessonId, lessonId)),
      );
    return row;
  };
  return { learner, lessonId, enrollmentId, watch, state };
}

describe("progress.record credits coverage, not a total (the issue's exploits)", () => {
  it("replaying the first 4 s five times covers 4 s of a 20 s lesson and does not complete it", async () => {
    const l = await twentySecondLesson();
    await startPlayback(t, l.learner, l.lessonId);
    for (let replay = 0; replay < 5; replay++) {
      t.elapse(4);
      await l.watch([[0, 4]]);
    }
    expect(await l.state()).toMatchObject({ watchedSeconds: 4, completedAt: null });
  });

  it("an event claiming the whole video right after enrolling, with no playback, credits nothing", async () => {
    const l = await twentySecondLesson();
    const ack = await l.watch([[0, 20]]);
    expect(ack).toMatchObject({
      accepted: 1,
      lessons: [{ lessonId: l.lessonId, watchedSeconds: 0, clampedSeconds: 20 }],
      courses: [{ percent: 0 }],
    });
    expect(await l.state()).toMatchObject({ watchedSeconds: 0, completedAt: null });
  });

  it("an old client's `watchedSeconds: 20` total is ignored, and its position still saved", async () => {
    const l = await twentySecondLesson();
    await startPlayback(t, l.learner, l.lessonId);
    t.elapse(60);
    const legacy = { ...progressEvent(l.enrollmentId, l.lessonId), watchedSeconds: 20 };
    const { watched: _, ...withoutWatched } = { ...legacy, positionSeconds: 20 };
    // The router parses the raw body: `watched` defaults to none, `watchedSeconds` is dropped.
    await t.callerFor(l.learner).progress.record({ events: [withoutWatched] });
    expect(await l.state()).toMatchObject({
      watchedSeconds: 0,
      positionSeconds: 20,
      completedAt: null,
    });
  });
});

describe("progress.record: genuine watching completes", () => {
  for (const rate of [1, 2]) {
    it(`watching a 20 s lesson at ${rate}× completes it at 90 % covered`, async () => {
      const l = await twentySecondLesson();
      await startPlayback(t, l.learner, l.lessonId);
      // The player reports every 5 s of video, as wall-clock time passes at this rate.
      for (const [from, to] of [
        [0, 5],
        [5, 10],
        [10, 15],
      ] satisfies Interval[]) {
        t.elapse((to - from) / rate);
        await l.watch([[from, to]]);
      }
      expect((await l.state())?.completedAt).toBeNull();
      t.elapse(3 / rate);
      const done = await l.watch([[15, 18]]);
      expect(done.courses).toEqual([
        expect.objectContaining({ percent: 100, newMilestones: [25, 50, 75, 100] }),
      ]);
      expect(done.lessons).toEqual([
        {
          enrollmentId: l.enrollmentId,
          lessonId: l.lessonId,
          watchedSeconds: 18,
          clampedSeconds: 0,
        },
      ]);
      expect((await l.state())?.completedAt).toBeInstanceOf(Date);
    });
  }

  it("seeking past a part does not cover it; replaying a part counts once", async () => {
    const l = await twentySecondLesson();
    await startPlayback(t, l.learner, l.lessonId);
    t.elapse(60);
    // Watched 0–3 s, sought to 17 s, watched to the end, then replayed 0–3 s.
    await l.watch([
      [0, 3],
      [17, 20],
    ]);
    await l.watch([[0, 3]]);
    expect(await l.state()).toMatchObject({
      watchedSeconds: 6,
      coverage: [
        [0, 30],
        [170, 200],
      ],
      completedAt: null,
    });
  });

  it("cuts intervals to the video's timeline without counting that as a clamp", async () => {
    const l = await twentySecondLesson();
    await startPlayback(t, l.learner, l.lessonId);
    t.elapse(60);
    const ack = await l.watch([[15, 300]]);
    expect(ack.lessons).toMatchObject([{ watchedSeconds: 5, clampedSeconds: 0 }]);
    expect((await l.state())?.coverage).toEqual([[150, 200]]);
  });

  it("keeps what each event claimed in the events log, as sent", async () => {
    const l = await twentySecondLesson();
    const event = progressEvent(l.enrollmentId, l.lessonId, { watched: [[2, 30.04]] });
    await t.callerFor(l.learner).progress.record({ events: [event] });
    const [logged] = await t.db
      .select({ watched: progressEvents.watched, watchedSeconds: progressEvents.watchedSeconds })
      .from(progressEvents)
      .where(eq(progressEvents.eventId, event.eventId));
    expect(logged).toEqual({ watched: [[20, 300]], watchedSeconds: null });
  });
});

describe("progress.record: coverage grows no faster than playback allows", () => {
  it("clamps growth faster than the top speed since playback began, and says so in the ack", async () => {
    const l = await twentySecondLesson();
    await startPlayback(t, l.learner, l.lessonId);
    t.elapse(5);
    // 5 s at 2× is 10 s of video, plus 2 s of slack: the earliest 12 s are credited.
    const fast = await l.watch([[0, 20]]);
    const [credited] = fast.lessons;
    expect(credited?.watchedSeconds).toBeGreaterThanOrEqual(12);
    expect(credited?.watchedSeconds).toBeLessThan(12.5);
    expect((credited?.watchedSeconds ?? 0) + (credited?.clampedSeconds ?? 0)).toBeCloseTo(20);
    expect((await l.state())?.completedAt).toBeNull();
    // Later, the same parts reported again (the player resends what it played) do count.
    t.elapse(5);
    const again = await l.watch([[0, 20]]);
    expect(again.lessons).toMatchObject([{ watchedSeconds: 20, clampedSeconds: 0 }]);
    expect((await l.state())?.completedAt).toBeInstanceOf(Date);
  });

  it("a second playback URL does not restart the allowance, and out-of-order events still count", async () => {
    const l = await twentySecondLesson();
    await startPlayback(t, l.learner, l.lessonId);
    t.elapse(20);
    await startPlayback(t, l.learner, l.lessonId);
    const start = t.now();
    // The later half arrives first; the older event, delivered late, still adds its part.
    await l.watch([[10, 20]], { occurredAt: start, positionSeconds: 20 });
    const late = await l.watch([[0, 10]], { occurredAt: start - 10_000, positionSeconds: 10 });
    expect(late.lessons).toMatchObject([{ watchedSeconds: 20, clampedSeconds: 0 }]);
    expect(await l.state()).toMatchObject({ positionSeconds: 20 });
  });

  it("batches for one lesson in one merged statement cannot spend the allowance twice", async () => {
    const l = await twentySecondLesson();
    await startPlayback(t, l.learner, l.lessonId);
    t.elapse(4);
    const parts: Interval[] = [
      [0, 5],
      [5, 10],
      [10, 15],
      [15, 20],
    ];
    const before = t.progress.stats();
    const acks = await Promise.all(parts.map((part) => l.watch([part])));
    // Concurrent calls were merged; with 4 s at 2× + 2 s of slack, at most ~10 s is credited.
    expect(t.progress.stats().transactions - before.transactions).toBeLessThan(parts.length);
    const covered = (await l.state())?.watchedSeconds ?? 0;
    expect(covered).toBeGreaterThanOrEqual(10);
    expect(covered).toBeLessThan(10.5);
    expect(Math.max(...acks.flatMap((a) => a.lessons.map((x) => x.watchedSeconds)))).toBe(covered);
  });

  it("two API processes writing one lesson at once cannot spend the allowance twice", async () => {
    const l = await twentySecondLesson();
    await startPlayback(t, l.learner, l.lessonId);
    t.elapse(4);
    // Two group-commit writers (two API processes), each with its own transaction.
    const writers = [1, 2].map(() =>
      createProgressIngest({ db: t.db, outbox: t.outbox, now: t.now }),
    );
    const claim = (part: Interval) =>
      progressEvent(l.enrollmentId, l.lessonId, { watched: [part], occurredAt: t.now() });
    try {
      await Promise.all([
        writers[0]?.record(l.learner, [claim([0, 10])]),
        writers[1]?.record(l.learner, [claim([10, 20])]),
      ]);
    } finally {
      await Promise.all(writers.map((w) => w.close()));
    }
    const covered = (await l.state())?.watchedSeconds ?? 0;
    expect(covered).toBeGreaterThanOrEqual(10);
    expect(covered).toBeLessThan(10.5);
  });
});
