import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enrollInCourse } from "../enrollment";
import {
  dropExpiredEventPartitions,
  ensureEventPartitions,
  listEventPartitions,
  type ProgressEvent,
} from "../progress";
import { createCourseWithLessons, createTestWorld, createUser, type TestWorld } from "../testing";
import { getPlayback } from "../video";
import { runAnalyticsRollup } from "./rollup";
import { snapshotRollups } from "./rollup-testing";

/** The progress event log's monthly partitions and their retention (ADR 0029). */

let world: TestWorld;
beforeAll(async () => {
  world = await createTestWorld();
});
afterAll(() => world.close());

const monthsFromNow = (months: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, 1));
};
const partitionOf = (d: Date) =>
  `progress_events_y${d.getUTCFullYear()}m${String(d.getUTCMonth() + 1).padStart(2, "0")}`;

async function learnerWatching() {
  const instructor = await createUser(world.db, "instructor");
  const { course, lessonIds } = await createCourseWithLessons(world.db, instructor, [
    { kind: "video", videoSeconds: 60 },
  ]);
  const video = lessonIds[0] ?? "";
  const user = await createUser(world.db);
  const { enrollmentId } = await enrollInCourse({
    db: world.db,
    user,
    outbox: world.outbox,
    input: { courseId: course.id },
  });
  await getPlayback({ db: world.db, user, media: world.media, input: { lessonId: video } });
  world.elapse(120);
  const watch = (from: number, to: number, occurredAt = world.now()) => {
    const event: ProgressEvent = {
      eventId: randomUUID(),
      enrollmentId,
      lessonId: video,
      watched: [[from, to]],
      positionSeconds: to,
      completed: false,
      occurredAt,
    };
    return event;
  };
  const record = (events: ProgressEvent[]) => world.progress.record(user, events);
  const stored = async () => {
    const { rows } = await world.db.execute<{ n: number }>(
      sql`select count(*)::int as n from progress_events where enrollment_id = ${enrollmentId}`,
    );
    return rows[0]?.n ?? 0;
  };
  return { enrollmentId, watch, record, stored };
}

describe("progress event retention", () => {
  it("has this month's partition and three ahead from the migration", async () => {
    const names = (await listEventPartitions(world.db)).map((p) => p.name);
    for (const k of [0, 1, 2, 3]) expect(names).toContain(partitionOf(monthsFromNow(k)));
  });

  it("creating a month moves its events out of the default partition, and an id stays a duplicate across months", async () => {
    const learner = await learnerWatching();
    const event = learner.watch(0, 10);
    expect(await learner.record([event])).toMatchObject({ accepted: 1 });
    // The same id again, from a client clock eight months ahead: no partition holds that month.
    const ahead = monthsFromNow(8).getTime() + 86_400_000;
    const resent = { ...event, occurredAt: ahead };
    expect(await learner.record([resent])).toMatchObject({ accepted: 0, duplicates: 1 });
    const early = learner.watch(10, 20, ahead);
    expect(await learner.record([early])).toMatchObject({ accepted: 1 });

    const created = await ensureEventPartitions(world.db, { now: monthsFromNow(7) });
    expect(created).toEqual(expect.arrayContaining([partitionOf(monthsFromNow(8))]));
    const { rows } = await world.db.execute<{ at: string }>(
      sql`select tableoid::regclass::text as at from progress_events
        where event_id = ${early.eventId}`,
    );
    expect(rows).toEqual([{ at: partitionOf(monthsFromNow(8)) }]);
    expect(await ensureEventPartitions(world.db, { now: monthsFromNow(7) })).toEqual([]);
    expect(await learner.record([resent, early])).toMatchObject({ accepted: 0, duplicates: 2 });
  });

  it("drops a month past retention only once the rollup applied it, and the dashboard keeps its figures", async () => {
    const learner = await learnerWatching();
    expect(await learner.record([learner.watch(0, 10), learner.watch(10, 25)])).toMatchObject({
      accepted: 2,
    });
    const thisMonth = partitionOf(monthsFromNow(0));
    // Thirteen months on, with twelve kept, this month is past retention.
    const later = { retentionMonths: 12, now: monthsFromNow(13) };

    const early = await dropExpiredEventPartitions(world.db, later);
    expect(early.waitingForRollup).toContain(thisMonth);
    expect(await learner.stored()).toBe(2);

    await runAnalyticsRollup({ db: world.db });
    const dashboard = await snapshotRollups(world.db);
    const outcome = await dropExpiredEventPartitions(world.db, later);
    expect(outcome.dropped).toContain(thisMonth);
    expect(outcome.dropped).not.toContain(partitionOf(monthsFromNow(1)));
    expect(await learner.stored()).toBe(0);
    // Their ids are forgotten with them: the resend check stays as small as the log.
    expect(outcome.idsDeleted).toBeGreaterThanOrEqual(2);
    expect(await snapshotRollups(world.db)).toEqual(dashboard);
    // A later rollup run finds nothing to take back.
    await runAnalyticsRollup({ db: world.db });
    expect(await snapshotRollups(world.db)).toEqual(dashboard);
  });
});
