import { seedDemoActivity } from "@lumen/db/seed";
import {
  createCertificate,
  createTestDatabase,
  createUser,
  type TestDatabase,
} from "@lumen/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueDemoCertificates } from "./demo-certificates";

let database: TestDatabase;
let completed: string[];

beforeAll(async () => {
  database = await createTestDatabase();
  await createUser(database.db, "instructor", { id: "seed-instructor" });
  const activity = await seedDemoActivity(database.db, "seed-instructor", {
    now: new Date("2026-12-01T12:00:00Z"),
  });
  completed = activity.completedEnrollmentIds;
});
afterAll(() => database.close());

const issueJobs = async () => {
  const { rows } = await database.db.execute<{ enrollment_id: string }>(
    sql`select data ->> 'enrollmentId' as enrollment_id from pgboss.job where name = 'certificates.issue'`,
  );
  return rows.map((r) => r.enrollment_id).sort();
};

describe("the demo course's certificates", () => {
  it("are left to the issuing job: one job per completed enrollment", async () => {
    expect(completed.length).toBeGreaterThan(0);
    expect(await enqueueDemoCertificates(database)).toBe(completed.length);
    expect(await issueJobs()).toEqual([...completed].sort());
  });

  it("are asked for again only for completions that still have none", async () => {
    const [first] = completed;
    if (!first) throw new Error("no completed enrollment");
    const [owner] = (
      await database.db.execute<{ user_id: string; course_id: string }>(
        sql`select user_id, course_id from enrollments where id = ${first}`,
      )
    ).rows;
    if (!owner) throw new Error("enrollment missing");
    await createCertificate(database.db, {
      id: first,
      userId: owner.user_id,
      courseId: owner.course_id,
    });
    expect(await enqueueDemoCertificates(database)).toBe(completed.length - 1);
  });
});
