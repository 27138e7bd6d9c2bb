import { count, countDistinct, eq, notLike, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { courses, lessons, modules, users } from "../schema";
import { createTestDatabase, type TestDatabase } from "../testing";
import { DEMO_USERS, seed } from "./index";

let database: TestDatabase;
let first: Awaited<ReturnType<typeof seed>>;

beforeAll(async () => {
  database = await createTestDatabase();
  first = await seed(database.db);
});
afterAll(() => database.close());

describe("seed", () => {
  it("creates ≥500 published courses over ≥10 categories, 3 levels and ≥5 languages", async () => {
    const [stats] = await database.db
      .select({
        total: count(),
        categories: countDistinct(courses.category),
        levels: countDistinct(courses.level),
        languages: countDistinct(courses.language),
      })
      .from(courses)
      .where(eq(courses.status, "published"));
    expect(first.coursesCreated).toBe(stats?.total);
    expect(stats?.total).toBeGreaterThanOrEqual(500);
    expect(stats?.categories).toBeGreaterThanOrEqual(10);
    expect(stats?.levels).toBe(3);
    expect(stats?.languages).toBeGreaterThanOrEqual(5);
  });

  it("gives every course modules and every module lessons", async () => {
    const empty = await database.db.execute(sql`
      select count(*)::int as n from courses c
      where not exists (select 1 from modules m join lessons l on l.module_id = m.id where m.course_id = c.id)`);
    expect((empty.rows[0] as { n: number }).n).toBe(0);
    const [moduleCount] = await database.db.select({ n: count() }).from(modules);
    const [lessonCount] = await database.db.select({ n: count() }).from(lessons);
    expect(moduleCount?.n).toBeGreaterThan(1000);
    expect(lessonCount?.n).toBeGreaterThan(moduleCount?.n ?? 0);
  });

  it("creates the demo admin, instructor, learner and graduate, each with a password hash", async () => {
    // The demo raters (seed-rater-N) have no password: they never sign in.
    const rows = await database.db
      .select({ email: users.email, role: users.role })
      .from(users)
      .where(notLike(users.id, "seed-rater-%"));
    expect(rows.map((r) => r.role).sort()).toEqual(["admin", "instructor", "learner", "learner"]);
    expect(rows.map((r) => r.email).sort()).toEqual(DEMO_USERS.map((u) => u.email).sort());
    const creds = await database.db.execute(
      sql`select count(*)::int as n from accounts where provider_id = 'credential' and password like '%:%'`,
    );
    expect((creds.rows[0] as { n: number }).n).toBe(DEMO_USERS.length);
  });

  it("keeps realistic ratings as rows, and each course's average and count derive from them", async () => {
    const { rows } = await database.db.execute<{
      mismatched: number;
      rated: number;
      total: number;
    }>(sql`
      select count(*) filter (where c.rating_count <> coalesce(s.n, 0)
          or abs(c.rating_average - coalesce(s.average, 0)) > 1e-5)::int as mismatched,
        count(*) filter (where c.rating_count > 0)::int as rated, count(*)::int as total
      from courses c
      left join (select course_id, count(*)::int as n, avg(stars)::float8 as average
        from course_ratings group by course_id) s on s.course_id = c.id`);
    const [stats] = rows;
    expect(stats?.mismatched).toBe(0);
    expect(stats?.rated).toBeGreaterThan((stats?.total ?? 0) * 0.7);
    expect(stats?.rated).toBeLessThan(stats?.total ?? 0);
  });

  it("running it again inserts nothing", async () => {
    expect(await seed(database.db)).toEqual({ usersCreated: 0, coursesCreated: 0 });
  });

  it("is deterministic: the same seed yields the same catalog", async () => {
    const other = await createTestDatabase();
    try {
      await seed(other.db, { courses: 50 });
      const pick = (db: TestDatabase) =>
        db.db
          .select({
            slug: courses.slug,
            title: courses.title,
            level: courses.level,
            rating: courses.ratingAverage,
          })
          .from(courses)
          .orderBy(courses.slug);
      // Course n's slug ends in "-n"; the first 50 of a full seed must equal a 50-course seed.
      const firstFifty = (await pick(database)).filter(
        (c) => Number(c.slug.split("-").at(-1)) <= 50,
      );
      expect(firstFifty).toHaveLength(50);
      expect(await pick(other)).toEqual(firstFifty);
    } finally {
      await other.close();
    }
  });
});
