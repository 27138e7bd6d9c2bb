import { randomUUID } from "node:crypto";
import { createRollupRequester } from "@lumen/core/analytics";
import { createProgressIngest } from "@lumen/core/progress";
import {
  createCourseWithLessons,
  createEnrollment,
  createTestWorld,
  createUser,
  type TestWorld,
} from "@lumen/core/testing";
import { getPlayback } from "@lumen/core/video";
import { analyticsRollupJob, createJobQueue, type JobRunner, startJobRunner } from "@lumen/jobs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyticsRollupHandler } from "../src/jobs/analytics";

let world: TestWorld;
let runner: JobRunner | undefined;
beforeAll(async () => {
  world = await createTestWorld();
});
afterAll(async () => {
  await runner?.stop(5_000);
  await world.close();
});

const context = () => ({ jobId: "job-1", attempt: 0, signal: new AbortController().signal });
const quiet = { info: () => {} };

/** A learner who watched the first 5 s of a 10 s video (through the progress write path). */
async function watchedVideo() {
  const instructor = await createUser(world.db, "instructor");
  const learner = await createUser(world.db);
  const { course, lessonIds } = await createCourseWithLessons(world.db, instructor, [
    { kind: "video", videoSeconds: 10 },
  ]);
  const lessonId = lessonIds[0] ?? "";
  const enrollment = await createEnrollment(world.db, learner, course.id);
  await getPlayback({ db: world.db, user: learner, media: world.media, input: { lessonId } });
  world.elapse(30);
  await world.progress.record(learner, [
    {
      eventId: randomUUID(),
      enrollmentId: enrollment.id,
      lessonId,
      watched: [[0, 5]],
      positionSeconds: 5,
      completed: false,
      occurredAt: world.now(),
    },
  ]);
  return lessonId;
}

async function asOf(): Promise<number> {
  const { rows } = await world.db.execute<{ at: string | null }>(
    sql`select (extract(epoch from min(updated_at)) * 1000)::bigint::text as at
      from analytics_cursors`,
  );
  return Number(rows[0]?.at ?? 0);
}

async function viewedSeconds(lessonId: string) {
  const { rows } = await world.db.execute<{ n: number }>(
    sql`select count(*)::int as n from analytics_video_seconds
      where lesson_id = ${lessonId} and viewers > 0`,
  );
  return rows[0]?.n ?? 0;
}

describe("analytics.rollup job", () => {
  it("rolls up new progress and moves the dashboard's as-of", async () => {
    const lessonId = await watchedVideo();
    const before = Date.now();
    expect(await viewedSeconds(lessonId)).toBe(0);
    await analyticsRollupHandler({ db: world.db, logger: quiet }).handle(undefined, context());
    expect(await viewedSeconds(lessonId)).toBe(5);
    expect(await asOf()).toBeGreaterThanOrEqual(before - 1_000);
  });

  it("a process asks at most once per 10 s", async () => {
    const sent: string[] = [];
    let clock = 0;
    const requester = createRollupRequester({
      db: world.db,
      outbox: {
        enqueue: async (_tx, job) => {
          sent.push(job.name);
        },
      },
      now: () => clock,
      onError: () => {},
    });
    for (const at of [0, 4_000, 9_999, 10_000, 15_000, 20_500]) {
      clock = at;
      requester.request();
    }
    expect(sent).toEqual([
      analyticsRollupJob.name,
      analyticsRollupJob.name,
      analyticsRollupJob.name,
    ]);
  });

  it("the progress ingest asks after each committed batch, not before", async () => {
    const learner = await createUser(world.db);
    const instructor = await createUser(world.db, "instructor");
    const { course, lessonIds } = await createCourseWithLessons(world.db, instructor, [
      { kind: "text" },
    ]);
    const enrollment = await createEnrollment(world.db, learner, course.id);
    let asked = 0;
    const ingest = createProgressIngest({
      db: world.db,
      outbox: world.outbox,
      onCommit: () => {
        asked += 1;
      },
    });
    expect(asked).toBe(0);
    await ingest.record(learner, [
      {
        eventId: randomUUID(),
        enrollmentId: enrollment.id,
        lessonId: lessonIds[0] ?? "",
        watched: [],
        positionSeconds: 0,
        completed: true,
        occurredAt: Date.now(),
      },
    ]);
    await ingest.close();
    expect(asked).toBe(1);
  });

  it("requests within 10 s send one job, and a runner rolls it up", async () => {
    const lessonId = await watchedVideo();
    let clock = 1_000_000;
    const requester = createRollupRequester({
      db: world.db,
      outbox: world.outbox,
      now: () => clock,
      onError: (error) => {
        throw error;
      },
    });
    requester.request();
    clock += 5_000;
    requester.request();
    // The send is fire-and-forget: wait for it to land.
    const jobs = async () => {
      const { rows } = await world.db.execute<{ n: number }>(
        sql`select count(*)::int as n from pgboss.job where name = ${analyticsRollupJob.name}`,
      );
      return rows[0]?.n ?? 0;
    };
    for (let waited = 0; (await jobs()) === 0 && waited < 5_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await jobs()).toBe(1);

    const before = await asOf();
    runner = await startJobRunner({
      queue: createJobQueue(world.database.connection),
      handlers: [analyticsRollupHandler({ db: world.db, logger: quiet })],
      logger: { info: () => {}, error: () => {} },
      pollingIntervalSeconds: 0.5,
    });
    const deadline = Date.now() + 20_000;
    // The run applies each source in its own transaction: the progress one can be visible
    // before the run has moved every cursor (the as-of is the oldest of them).
    const done = async () => (await viewedSeconds(lessonId)) > 0 && (await asOf()) > before;
    while (!(await done()) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await viewedSeconds(lessonId)).toBe(5);
    expect(await asOf()).toBeGreaterThan(before);
  });
});
