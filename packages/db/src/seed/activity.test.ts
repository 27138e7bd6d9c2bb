import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, createUser, type TestDatabase } from "../testing";
import { type ActivityResult, seedDemoActivity } from "./activity";

const NOW = new Date("2026-12-01T12:00:00Z");
let database: TestDatabase;
let first: ActivityResult;

const one = async <T>(db: TestDatabase, query: ReturnType<typeof sql>) =>
  (await db.db.execute(query)).rows[0] as T;

beforeAll(async () => {
  database = await createTestDatabase();
  await createUser(database.db, "instructor", { id: "seed-instructor" });
  first = await seedDemoActivity(database.db, "seed-instructor", { now: NOW });
});
afterAll(() => database.close());

describe("the demo course's activity", () => {
  it("enrolls a few hundred learners over 60 days, some of whom left", async () => {
    const row = await one<{ n: number; days: number; left: number; oldest: string }>(
      database,
      sql`select count(*)::int as n, count(distinct enrolled_at::date)::int as days,
        count(unenrolled_at)::int as left, min(enrolled_at)::text as oldest
      from enrollments where course_id = ${first.courseId}`,
    );
    expect(first.created).toBe(true);
    expect(row.n).toBe(300);
    expect(row.days).toBeGreaterThan(40);
    expect(row.left).toBeGreaterThan(0);
    expect(new Date(row.oldest).getTime()).toBeGreaterThanOrEqual(NOW.getTime() - 60 * 86_400_000);
  });

  it("has video watching spread over the weeks, with coverage the union of the events", async () => {
    const events = await one<{ n: number; days: number; future: number }>(
      database,
      sql`select count(*)::int as n, count(distinct received_at::date)::int as days,
        count(*) filter (where received_at > ${NOW.toISOString()}::timestamptz)::int as future
      from progress_events`,
    );
    expect(events.n).toBe(first.events);
    expect(events.n).toBeGreaterThan(5000);
    expect(events.days).toBeGreaterThan(40);
    expect(events.future).toBe(0);
    // What the progress path guarantees: coverage is exactly what the events watched.
    const mismatch = await one<{ rows: number; differ: number }>(
      database,
      sql`select count(*)::int as rows,
        count(*) filter (where lp.coverage <> coalesce(u.watched, '{}'))::int as differ
      from lesson_progress lp
      join lessons l on l.id = lp.lesson_id and l.kind = 'video'
      left join (select enrollment_id, lesson_id, range_agg(part) as watched
        from progress_events, unnest(watched) as part group by 1, 2) u
        using (enrollment_id, lesson_id)`,
    );
    expect(mismatch.rows).toBeGreaterThan(200);
    expect(mismatch.differ).toBe(0);
  });

  it("has graded quiz attempts, passes and fails, and completions exactly where every required lesson is done", async () => {
    const quiz = await one<{ n: number; passed: number; correct: number }>(
      database,
      sql`select count(*)::int as n, count(*) filter (where passed)::int as passed,
        count(*) filter (where feedback -> 0 ->> 'correct' = 'true')::int as correct
      from quiz_attempts`,
    );
    expect(quiz.n).toBe(first.attempts);
    expect(quiz.passed).toBeGreaterThan(0);
    expect(quiz.passed).toBeLessThan(quiz.n);
    expect(quiz.correct).toBeGreaterThan(0);
    const completion = await one<{ completed: number; wrong: number }>(
      database,
      sql`select count(*) filter (where e.completed_at is not null)::int as completed,
        count(*) filter (where (e.completed_at is not null) <> (r.done = r.required))::int as wrong
      from enrollments e cross join lateral (
        select count(*) filter (where not l.is_optional) as required,
          count(lp.completed_at) filter (where not l.is_optional) as done
        from modules m join lessons l on l.module_id = m.id
        left join lesson_progress lp on lp.lesson_id = l.id and lp.enrollment_id = e.id
        where m.course_id = e.course_id) r
      where e.course_id = ${first.courseId}`,
    );
    expect(completion.completed).toBeGreaterThan(10);
    expect(completion.completed).toBe(first.completedEnrollmentIds.length);
    expect(completion.wrong).toBe(0);
  });

  it("a second run finds the course and writes nothing", async () => {
    const again = await seedDemoActivity(database.db, "seed-instructor", { now: NOW });
    expect(again).toMatchObject({ created: false, events: 0 });
    const events = await one<{ n: number }>(
      database,
      sql`select count(*)::int as n from progress_events`,
    );
    expect(events.n).toBe(first.events);
  });

  it("is deterministic: the same seed and moment write the same activity", async () => {
    const other = await createTestDatabase();
    try {
      await createUser(other.db, "instructor", { id: "seed-instructor" });
      await seedDemoActivity(other.db, "seed-instructor", { now: NOW });
      const digest = (db: TestDatabase) =>
        one<{ d: string }>(
          db,
          sql`select md5(string_agg(event_id::text || watched::text || received_at::text, ','
            order by event_id)) as d from progress_events`,
        );
      expect(await digest(other)).toEqual(await digest(database));
    } finally {
      await other.close();
    }
  });
});
