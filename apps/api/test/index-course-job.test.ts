import {
  createCourse,
  createTestWorld,
  createUser,
  type TestUser,
  type TestWorld,
} from "@lumen/core/testing";
import type { TestDatabase } from "@lumen/db/testing";
import {
  createJobQueue,
  indexCourseJob,
  type JobRunner,
  type OutboxHandle,
  startJobRunner,
} from "@lumen/jobs";
import type { SearchBackend } from "@lumen/search";
import { catalogQuerySchema } from "@lumen/shared";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { indexCourseHandler } from "../src/jobs/index-course";

let world: TestWorld;
let database: TestDatabase;
let outbox: OutboxHandle;
let search: SearchBackend;
let runner: JobRunner | undefined;
let instructor: TestUser;

beforeAll(async () => {
  world = await createTestWorld();
  ({ database, outbox, search } = world);
  instructor = await createUser(database.db, "instructor", { name: "Grace Instructor" });
});
afterAll(async () => {
  await runner?.stop(5_000);
  await world.close();
});

/** Publishes a course and enqueues its indexing in the same transaction, as authoring does. */
async function publishCourse(title: string, { enqueueTimes = 1 } = {}) {
  return database.db.transaction(async (tx) => {
    const course = await createCourse(tx, instructor, { title, publishedAt: new Date() });
    for (let i = 0; i < enqueueTimes; i++) {
      await outbox.enqueue(tx, indexCourseJob, { courseId: course.id });
    }
    return course.id;
  });
}

async function searchUntilFound(query: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await search.search(catalogQuerySchema.parse({ query }));
    if (result.items.length > 0 || Date.now() > deadline) return result;
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function purgeJobsFor(courseId: string, atLeast: number, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await database.db.execute(
      sql`select data->>'slug' as slug from pgboss.job where name = 'catalog.purge-edge' and data->>'courseId' = ${courseId}`,
    );
    if (rows.length >= atLeast || Date.now() > deadline) return rows;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The states of the search.index-course jobs for a course, once `done` holds for them. */
async function indexJobsFor(
  courseId: string,
  done: (states: string[]) => boolean,
  timeoutMs = 20_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await database.db.execute<{ state: string }>(
      sql`select state from pgboss.job where name = ${indexCourseJob.name} and data->>'courseId' = ${courseId} order by state`,
    );
    const states = rows.map((r) => r.state);
    if (done(states) || Date.now() > deadline) return states;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("search.index-course job", () => {
  it("indexes a course published while no runner was up, once a runner starts", async () => {
    const id = await publishCourse("Zymurgy for Homebrewers");
    expect((await search.search(catalogQuerySchema.parse({ query: "zymurgy" }))).total).toBe(0);

    runner = await startJobRunner({
      queue: createJobQueue(database.connection),
      handlers: [
        indexCourseHandler({ db: database.db, outbox, search, logger: { info: () => {} } }),
      ],
      logger: { info: () => {}, error: () => {} },
      pollingIntervalSeconds: 0.5,
    });
    const result = await searchUntilFound("zymurgy");
    expect(result.items.map((i) => i.id)).toEqual([id]);
    // Only now, with the index up to date, is the edge told to purge.
    // The handler enqueues the purge just after the index write the search above observed,
    // so wait for it rather than racing it.
    const purges = await purgeJobsFor(id, 1);
    expect(purges).toHaveLength(1);
  });

  it("a job delivered twice runs twice and leaves the same single entry", async () => {
    const id = await publishCourse("Xylography Workshop", { enqueueTimes: 2 });
    // Both deliveries must have finished, not merely the first: each one that succeeds
    // enqueues its own edge purge after indexing, so two purges prove the second ran.
    const deliveries = await indexJobsFor(
      id,
      (states) => states.length === 2 && states.every((s) => s === "completed"),
    );
    expect(deliveries).toEqual(["completed", "completed"]);
    expect(await purgeJobsFor(id, 2)).toHaveLength(2);
    const result = await search.search(catalogQuerySchema.parse({ query: "xylography" }));
    expect(result.total).toBe(1);
    expect(result.items).toEqual([expect.objectContaining({ id, title: "Xylography Workshop" })]);
  });
});
