import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningPgliteServer, startPgliteServer } from "../pglite-server";
import { prepareDatabase } from "./database";

/** `pnpm dev`'s database step on its default engine: PGlite served over the wire protocol. */
let server: RunningPgliteServer;
let client: pg.Client;
let first: Awaited<ReturnType<typeof prepareDatabase>>;

beforeAll(async () => {
  server = await startPgliteServer({ port: 0 });
  first = await prepareDatabase(server.url);
  client = new pg.Client(server.url);
  await client.connect();
}, 240_000);
afterAll(async () => {
  await client?.end();
  await server?.close();
});

const one = async (text: string) => (await client.query(text)).rows[0];

describe("pnpm dev's demo data", () => {
  it("includes a course with activity whose dashboard rollups are already computed", async () => {
    const course = await one(
      `select c.id, c.enrollment_count,
         (select count(*)::int from progress_events pe join enrollments e on e.id = pe.enrollment_id
           where e.course_id = c.id) as events,
         (select count(*)::int from analytics_enrollments a where a.course_id = c.id) as learners,
         (select coalesce(sum(started), 0)::int from analytics_lessons a where a.course_id = c.id) as started,
         (select count(*)::int from analytics_course_days d where d.course_id = c.id and d.active > 0) as active_days,
         (select count(*)::int from analytics_video_seconds v join lessons l on l.id = v.lesson_id
           join modules m on m.id = l.module_id where m.course_id = c.id and v.viewers > 0) as watched_seconds
       from courses c where c.slug = 'data-analysis-foundations'`,
    );
    expect(course.events).toBeGreaterThan(5000);
    expect(course.learners).toBe(300);
    expect(course.started).toBeGreaterThan(300);
    expect(course.active_days).toBeGreaterThan(40);
    expect(course.watched_seconds).toBeGreaterThan(1000);
    expect(first.coursesCreated).toBeGreaterThan(1);
  });

  it("leaves the certificates of its completions to the issuing job", async () => {
    const row = await one(
      `select (select count(*)::int from enrollments e join courses c on c.id = e.course_id
           where c.slug = 'data-analysis-foundations' and e.completed_at is not null) as completed,
         (select count(*)::int from pgboss.job where name = 'certificates.issue') as jobs,
         (select count(*)::int from certificates) as certificates`,
    );
    expect(row.completed).toBeGreaterThan(0);
    expect(row.jobs).toBe(row.completed);
    expect(row.certificates).toBe(0);
  });

  it("is added once: a second start finds it and adds nothing", async () => {
    expect(await prepareDatabase(server.url)).toEqual({ usersCreated: 0, coursesCreated: 0 });
  }, 120_000);
});
