import { randomUUID } from "node:crypto";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, migrationsFolder } from "./migrate";
import { createTestDatabase, type TestDatabase } from "./testing";

/**
 * The watch-coverage migration on data written before it. Rows are inserted with SQL because
 * the schema in code is already the one after the migration.
 */
let database: TestDatabase;
let before: string;

/** A copy of the committed migrations that stops before the coverage one. */
async function migrationsBeforeCoverage(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "lumen-migrations-"));
  await cp(migrationsFolder, dir, { recursive: true });
  const journalPath = join(dir, "meta", "_journal.json");
  const journal = JSON.parse(await readFile(journalPath, "utf8")) as {
    entries: Array<{ tag: string }>;
  };
  const at = journal.entries.findIndex((e) => e.tag.endsWith("watch_coverage"));
  if (at < 0) throw new Error("the watch_coverage migration is not in the journal");
  journal.entries = journal.entries.slice(0, at);
  await writeFile(journalPath, JSON.stringify(journal));
  return dir;
}

beforeAll(async () => {
  before = await migrationsBeforeCoverage();
  database = await createTestDatabase({ migrationsFolder: before });
});
afterAll(async () => {
  await database.close();
  await rm(before, { recursive: true, force: true });
});

describe("migration watch_coverage", () => {
  it("keeps completions and each event's claimed total, and invents no coverage", async () => {
    const { db } = database;
    const [userId, courseId, moduleId, videoId, otherId, enrollmentId, eventId] = [
      "learner-1",
      randomUUID(),
      randomUUID(),
      randomUUID(),
      randomUUID(),
      randomUUID(),
      randomUUID(),
    ];
    await db.execute(sql`insert into users (id, name, email) values
      (${userId}, 'Old Learner', 'old@lumen.test')`);
    await db.execute(sql`insert into courses (id, slug, title, category, level, language, instructor_id)
      values (${courseId}, 'old-course', 'Old course', 'Computer Science', 'beginner', 'en', ${userId})`);
    await db.execute(sql`insert into modules (id, course_id, title, position)
      values (${moduleId}, ${courseId}, 'Module', 0)`);
    await db.execute(sql`insert into lessons (id, module_id, title, kind, position) values
      (${videoId}, ${moduleId}, 'Finished video', 'video', 0),
      (${otherId}, ${moduleId}, 'Half-watched video', 'video', 1)`);
    await db.execute(sql`insert into enrollments (id, user_id, course_id)
      values (${enrollmentId}, ${userId}, ${courseId})`);
    await db.execute(sql`insert into lesson_progress
      (enrollment_id, lesson_id, watched_seconds, position_seconds, completed_at) values
      (${enrollmentId}, ${videoId}, 120, 118, '2026-01-02T03:04:05Z'),
      (${enrollmentId}, ${otherId}, 45, 50, null)`);
    await db.execute(sql`insert into progress_events (event_id, enrollment_id, lesson_id,
      watched_seconds, position_seconds, completed, occurred_at)
      values (${eventId}, ${enrollmentId}, ${videoId}, 120, 118, false, now())`);

    await migrate(database);

    const progress = await db.execute<{
      lesson_id: string;
      coverage: string;
      watched_seconds: number;
      position_seconds: number;
      completed_at: Date | string | null;
    }>(sql`select lesson_id, coverage::text, watched_seconds, position_seconds, completed_at
      from lesson_progress order by position_seconds desc`);
    expect(
      progress.rows.map((r) => ({
        ...r,
        completed_at: r.completed_at === null ? null : new Date(r.completed_at).toISOString(),
      })),
    ).toEqual([
      {
        lesson_id: videoId,
        coverage: "{}",
        watched_seconds: 0,
        position_seconds: 118,
        completed_at: "2026-01-02T03:04:05.000Z",
      },
      {
        lesson_id: otherId,
        coverage: "{}",
        watched_seconds: 0,
        position_seconds: 50,
        completed_at: null,
      },
    ]);
    const events = await db.execute<{ watched: string; watched_seconds: number }>(
      sql`select watched::text, watched_seconds from progress_events where event_id = ${eventId}`,
    );
    expect(events.rows).toEqual([{ watched: "{}", watched_seconds: 120 }]);
  });
});
